"""Entrepreneurship and small business: new ventures, small firms, their finance and their
place in transition economies."""

from adapters.sources.catalogue.entry import work

ENTREPRENEURSHIP = ("entrepreneurship, entrepreneurs, підприємництво, підприємці, "
                    "предпринимательство, предприниматели, imprenditorialità, imprenditori")
SMALL_BUSINESS = ("small business, small firms, SMEs, small and medium-sized enterprises, "
                  "малий бізнес, малого бізнесу, малі підприємства, малих підприємств, малий "
                  "та середній бізнес, МСП, малый бизнес, малого бизнеса, малые предприятия, "
                  "малое предпринимательство, piccole imprese, PMI")
TRANSITION = ("transition economies, post-communist, post-Soviet, перехідна економіка, "
              "пострадянські країни, переходная экономика, постсоветские страны, Україна, "
              "Украина, Ukraine, Росія, Россия, Eastern Europe, Східна Європа")

SMALL_BUSINESS_WORKS = (
    work("The promise of entrepreneurship as a field of research",
         ("Scott Shane", "S. Venkataraman"), 2000, "Academy of Management Review",
         "10.5465/amr.2000.2791611",
         summary="Defines entrepreneurship research as the study of how, by whom and with "
                 "what effects opportunities to create future goods and services are "
                 "discovered, evaluated and exploited. The framework centres the field on "
                 "the nexus of opportunities and individuals.",
         keywords=f"{ENTREPRENEURSHIP}, entrepreneurial opportunities, new ventures, "
                  "підприємницькі можливості"),
    work("Causation and effectuation: Toward a theoretical shift from economic inevitability "
         "to entrepreneurial contingency", ("Saras D. Sarasvathy",), 2001,
         "Academy of Management Review", "10.5465/amr.2001.4378020",
         summary="Contrasts causation, choosing means to reach a given goal, with "
                 "effectuation, starting from the means at hand and letting goals emerge "
                 "through commitments with partners and affordable losses. It argues that "
                 "expert entrepreneurs reason effectually under uncertainty.",
         keywords=f"{ENTREPRENEURSHIP}, effectuation, decision making, uncertainty, new "
                  "ventures, startups, стартапи, стартапы"),
    work("Clarifying the entrepreneurial orientation construct and linking it to performance",
         ("G. T. Lumpkin", "Gregory G. Dess"), 1996, "Academy of Management Review",
         "10.5465/amr.1996.9602161568",
         summary="Distinguishes entrepreneurial orientation, the processes and practices of "
                 "new entry, from entrepreneurship itself and describes five dimensions: "
                 "autonomy, innovativeness, risk taking, proactiveness and competitive "
                 "aggressiveness. It proposes how their link to firm performance depends on "
                 "environment and organisation.",
         keywords=f"{ENTREPRENEURSHIP}, {SMALL_BUSINESS}, entrepreneurial orientation, firm "
                  "performance, innovativeness, ефективність підприємства, эффективность "
                  "предприятия"),
    work("Strategic management of small firms in hostile and benign environments",
         ("Jeffrey G. Covin", "Dennis P. Slevin"), 1989, "Strategic Management Journal",
         "10.1002/smj.4250100107",
         summary="Studies small manufacturing firms and finds that in hostile environments an "
                 "entrepreneurial strategic posture, organic structure and a long-term "
                 "orientation go with better performance, while in benign environments a "
                 "conservative posture and mechanistic structure do.",
         keywords=f"{SMALL_BUSINESS}, {ENTREPRENEURSHIP}, strategic management, strategy, "
                  "стратегічне управління, стратегическое управление, environment"),
    work("An estimated model of entrepreneurial choice under liquidity constraints",
         ("David S. Evans", "Boyan Jovanovic"), 1989, "Journal of Political Economy",
         "10.1086/261629",
         summary="Estimates a model of who becomes self-employed with US data and finds that "
                 "people with more assets are more likely to start a business because "
                 "borrowing constraints limit how much capital would-be entrepreneurs can "
                 "raise.",
         keywords=f"{ENTREPRENEURSHIP}, {SMALL_BUSINESS}, self-employment, liquidity "
                  "constraints, start-up capital, самозайнятість, самозанятость, "
                  "фінансування, финансирование"),
    work("The economics of small business finance: The roles of private equity and debt "
         "markets in the financial growth cycle", ("Allen N. Berger", "Gregory F. Udell"),
         1998, "Journal of Banking & Finance", "10.1016/S0378-4266(98)00038-7",
         summary="Surveys how small businesses are financed and describes a financial growth "
                 "cycle in which the mix of insider funds, angel and venture capital, trade "
                 "credit and bank loans changes as a firm grows and becomes less "
                 "informationally opaque.",
         keywords=f"{SMALL_BUSINESS}, small business finance, bank lending, venture capital, "
                  "private equity, кредитування, кредитование, фінансування малого бізнесу, "
                  "финансирование малого бизнеса"),
    work("Small and medium-size enterprises: Access to finance as a growth constraint",
         ("Thorsten Beck", "Asli Demirgüç-Kunt"), 2006, "Journal of Banking & Finance",
         "10.1016/j.jbankfin.2006.05.009",
         summary="Reviews evidence that small and medium-size enterprises face larger "
                 "obstacles to external finance than large firms, which holds back their "
                 "growth, and discusses how institutions, financial innovations such as "
                 "leasing and factoring, and policy can ease access.",
         keywords=f"{SMALL_BUSINESS}, access to finance, SME finance, growth constraints, "
                  "доступ до фінансування, доступ к финансированию, кредит"),
    work("Credit rationing in markets with imperfect information",
         ("Joseph E. Stiglitz", "Andrew Weiss"), 1981, "American Economic Review", None,
         summary="Shows that because higher interest rates attract riskier borrowers and "
                 "encourage riskier projects, banks may ration credit rather than raise "
                 "rates, so some borrowers are denied loans even if willing to pay more.",
         keywords=f"{SMALL_BUSINESS}, credit rationing, bank lending, asymmetric information, "
                  "кредитування, кредитование, банки"),
    work("Who creates jobs? Small versus large versus young",
         ("John Haltiwanger", "Ron S. Jarmin", "Javier Miranda"), 2013,
         "The Review of Economics and Statistics", None,
         summary="Uses US Census data on firms to show that, once firm age is controlled for, "
                 "there is no systematic relationship between firm size and net job "
                 "creation. Young start-ups, rather than small firms as such, contribute "
                 "disproportionately to job creation.",
         keywords=f"{SMALL_BUSINESS}, job creation, start-ups, firm size, employment, "
                  "зайнятість, занятость, робочі місця, рабочие места"),
    work("Entrepreneurship: Productive, unproductive, and destructive",
         ("William J. Baumol",), 1990, "Journal of Political Economy", None,
         summary="Argues that the supply of entrepreneurs is roughly constant across "
                 "societies but the rules of the game decide whether their effort goes into "
                 "productive innovation or into rent-seeking, and illustrates this with "
                 "historical cases from ancient Rome to medieval Europe.",
         keywords=f"{ENTREPRENEURSHIP}, institutions, rent-seeking, economic history, "
                  "інститути, институты"),
    work("The central role of entrepreneurs in transition economies",
         ("John McMillan", "Christopher Woodruff"), 2002, "Journal of Economic Perspectives",
         None,
         summary="Reviews how new small firms drove the growth of formerly planned economies "
                 "in Eastern Europe, the former Soviet Union, China and Vietnam, despite weak "
                 "legal institutions, and how they relied on relational contracting and "
                 "reinvested profits.",
         keywords=f"{ENTREPRENEURSHIP}, {SMALL_BUSINESS}, {TRANSITION}, private sector"),
    work("Property rights and finance",
         ("Simon Johnson", "John McMillan", "Christopher Woodruff"), 2002,
         "American Economic Review", None,
         summary="Surveys manufacturing firms in Poland, Romania, Russia, Slovakia and Ukraine "
                 "and finds that entrepreneurs who feel their property rights are insecure "
                 "reinvest less of their profits, while access to bank loans matters less.",
         keywords=f"{ENTREPRENEURSHIP}, {SMALL_BUSINESS}, {TRANSITION}, property rights, "
                  "investment, права власності, права собственности, інвестиції"),
    work("The distinctiveness of entrepreneurship in transition economies",
         ("David Smallbone", "Friederike Welter"), 2001, "Small Business Economics", None,
         summary="Argues, with evidence from former Soviet and Central European countries, "
                 "that entrepreneurship in transition economies is shaped by a hostile and "
                 "unstable external environment, which leads owners to diversify into "
                 "several businesses and rely on personal networks.",
         keywords=f"{ENTREPRENEURSHIP}, {SMALL_BUSINESS}, {TRANSITION}, business environment, "
                  "networks"),
    work("Linking entrepreneurship and economic growth", ("Sander Wennekers", "Roy Thurik"),
         1999, "Small Business Economics", None,
         summary="Surveys historical, macroeconomic, industrial and management literatures to "
                 "trace how entrepreneurship contributes to economic growth at the level of "
                 "individuals, firms and economies, and proposes a framework for empirical "
                 "research.",
         keywords=f"{ENTREPRENEURSHIP}, {SMALL_BUSINESS}, economic growth, економічне "
                  "зростання, экономический рост"),
    work("Understanding the Small Business Sector", ("David J. Storey",), 1994, "Routledge",
         None,
         summary="A synthesis of research on small firms in the United Kingdom and elsewhere: "
                 "who starts them, why few grow, how they are financed and employ people, "
                 "and what public policy can and cannot do for them.",
         keywords=f"{SMALL_BUSINESS}, small business policy, firm growth, державна підтримка "
                  "малого бізнесу, государственная поддержка малого бизнеса"),
)
