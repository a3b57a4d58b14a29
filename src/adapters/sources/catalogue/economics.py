"""Economics: theory of the firm and markets, growth, development and macroeconomic
policy."""

from adapters.sources.catalogue.entry import work

ECONOMY = "economics, економіка, экономика, economia"
GROWTH = ("economic growth, економічне зростання, экономический рост, crescita economica, "
          "economic development, економічний розвиток, экономическое развитие")

ECONOMICS = (
    work("The nature of the firm", ("Ronald H. Coase",), 1937, "Economica",
         "10.1111/j.1468-0335.1937.tb00002.x",
         summary="Asks why firms exist if markets coordinate production. Coase answers that "
                 "using the price mechanism has costs, such as finding prices and negotiating "
                 "contracts, and that a firm grows until organising one more transaction "
                 "inside it costs as much as using the market.",
         keywords=f"{ECONOMY}, theory of the firm, transaction costs, firms, фірма, фирма, "
                  "підприємство, предприятие, трансакційні витрати, трансакционные издержки"),
    work("The market for \"lemons\": Quality uncertainty and the market mechanism",
         ("George A. Akerlof",), 1970, "The Quarterly Journal of Economics", "10.2307/1879431",
         summary="Shows with the example of used cars that when sellers know more about "
                 "quality than buyers, bad products drive good ones out of the market and "
                 "the market may collapse. It founded the economics of asymmetric "
                 "information.",
         keywords=f"{ECONOMY}, asymmetric information, adverse selection, market failure, "
                  "асиметрія інформації, асимметрия информации, ринок, рынок"),
    work("Job market signaling", ("Michael Spence",), 1973, "The Quarterly Journal of Economics",
         "10.2307/1882010",
         summary="Models education as a signal: where employers cannot observe productivity, "
                 "able workers acquire costly credentials to distinguish themselves, even if "
                 "education does not raise productivity. It introduced signalling equilibria "
                 "to economics.",
         keywords=f"{ECONOMY}, signalling, labour market, education, asymmetric information, "
                  "ринок праці, рынок труда, освіта"),
    work("Equilibrium points in n-person games", ("John F. Nash Jr.",), 1950,
         "Proceedings of the National Academy of Sciences", "10.1073/pnas.36.1.48",
         summary="Defines an equilibrium point of a finite game with any number of players, "
                 "a profile of strategies from which no player gains by deviating alone, and "
                 "proves with a fixed-point theorem that every such game has one in mixed "
                 "strategies.",
         keywords=f"{ECONOMY}, game theory, Nash equilibrium, теорія ігор, теория игр, "
                  "strategic interaction, teoria dei giochi"),
    work("A contribution to the theory of economic growth", ("Robert M. Solow",), 1956,
         "The Quarterly Journal of Economics", "10.2307/1884513",
         summary="Builds the neoclassical growth model in which output depends on capital "
                 "and labour with diminishing returns. Economies converge to a steady state, "
                 "so lasting growth in income per head must come from technological "
                 "progress.",
         keywords=f"{ECONOMY}, {GROWTH}, Solow model, capital accumulation, technological "
                  "progress, макроекономіка, макроэкономика"),
    work("Endogenous technological change", ("Paul M. Romer",), 1990,
         "Journal of Political Economy", "10.1086/261725",
         summary="Models technological change as the result of deliberate investment in "
                 "research by profit-seeking firms. Because ideas are non-rival, the stock of "
                 "human capital devoted to research determines the long-run growth rate.",
         keywords=f"{ECONOMY}, {GROWTH}, endogenous growth, innovation, research and "
                  "development, інновації, инновации, technology"),
    work("On the mechanics of economic development", ("Robert E. Lucas Jr.",), 1988,
         "Journal of Monetary Economics", "10.1016/0304-3932(88)90168-7",
         summary="Asks why incomes and growth rates differ so widely across countries and "
                 "builds growth models in which the accumulation of human capital, with "
                 "external effects, sustains growth and can explain persistent differences.",
         keywords=f"{ECONOMY}, {GROWTH}, human capital, людський капітал, человеческий "
                  "капитал"),
    work("A contribution to the empirics of economic growth",
         ("N. Gregory Mankiw", "David Romer", "David N. Weil"), 1992,
         "The Quarterly Journal of Economics", "10.2307/2118477",
         summary="Tests the Solow model on cross-country data and finds that, augmented with "
                 "human capital, it explains about 80 per cent of the variation in income per "
                 "person, and that countries converge conditionally on saving and population "
                 "growth.",
         keywords=f"{ECONOMY}, {GROWTH}, convergence, human capital, cross-country "
                  "regressions, econometrics"),
    work("Economic development with unlimited supplies of labour", ("W. Arthur Lewis",), 1954,
         "The Manchester School", "10.1111/j.1467-9957.1954.tb00021.x",
         summary="Models a developing economy with a traditional sector holding surplus "
                 "labour and a capitalist sector that can hire it at a constant wage. Growth "
                 "proceeds as capitalists reinvest profits until the surplus labour is "
                 "absorbed.",
         keywords=f"{ECONOMY}, {GROWTH}, development economics, dual economy, surplus labour, "
                  "industrialisation, індустріалізація, индустриализация"),
    work("The colonial origins of comparative development: An empirical investigation",
         ("Daron Acemoglu", "Simon Johnson", "James A. Robinson"), 2001,
         "American Economic Review", "10.1257/aer.91.5.1369",
         summary="Uses the mortality of European settlers as an instrument for the "
                 "institutions colonisers set up and finds large effects of institutions that "
                 "protect property rights on income per head today.",
         keywords=f"{ECONOMY}, {GROWTH}, institutions, property rights, colonialism, "
                  "інститути, институты, права власності, права собственности"),
    work("The pure theory of public expenditure", ("Paul A. Samuelson",), 1954,
         "The Review of Economics and Statistics", "10.2307/1925895",
         summary="Defines collective consumption goods, which each person's consumption does "
                 "not diminish for others, and states the condition for their efficient "
                 "supply. It shows why markets and voluntary contributions underprovide "
                 "them.",
         keywords=f"{ECONOMY}, public goods, public finance, public expenditure, державні "
                  "фінанси, государственные финансы, суспільні блага, общественные блага"),
    work("Rules rather than discretion: The inconsistency of optimal plans",
         ("Finn E. Kydland", "Edward C. Prescott"), 1977, "Journal of Political Economy",
         "10.1086/260580",
         summary="Shows that when people's expectations depend on future policy, a policy "
                 "chosen optimally period by period is time-inconsistent and leads to worse "
                 "outcomes, such as higher inflation, than committing to a rule.",
         keywords=f"{ECONOMY}, monetary policy, time inconsistency, economic policy, "
                  "inflation, монетарна політика, денежно-кредитная политика, інфляція, "
                  "инфляция"),
    work("Discretion versus policy rules in practice", ("John B. Taylor",), 1993,
         "Carnegie-Rochester Conference Series on Public Policy",
         "10.1016/0167-2231(93)90009-L",
         summary="Proposes a simple rule for setting the central bank's policy interest rate "
                 "from inflation and the output gap, and shows that it describes US Federal "
                 "Reserve policy in 1987-1992 well. It is known as the Taylor rule.",
         keywords=f"{ECONOMY}, monetary policy, Taylor rule, central banks, interest rates, "
                  "центральний банк, центральный банк, процентна ставка, процентная ставка"),
    work("Mathematical methods of organizing and planning production",
         ("L. V. Kantorovich",), 1960, "Management Science", "10.1287/mnsc.6.4.366",
         summary="The English translation of Kantorovich's 1939 monograph, which formulates "
                 "problems of allocating machines, materials and transport as linear "
                 "programmes and gives a method of resolving multipliers to solve them.",
         keywords=f"{ECONOMY}, linear programming, planning, operations research, production "
                  "planning, лінійне програмування, линейное программирование, планування, "
                  "планирование"),
    work("Prospect theory: An analysis of decision under risk",
         ("Daniel Kahneman", "Amos Tversky"), 1979, "Econometrica", "10.2307/1914185",
         summary="Documents choices under risk that violate expected utility theory and "
                 "proposes prospect theory: outcomes are valued as gains and losses from a "
                 "reference point, losses loom larger than gains, and probabilities are "
                 "weighted non-linearly.",
         keywords=f"{ECONOMY}, behavioural economics, decision making, risk, loss aversion, "
                  "поведінкова економіка, поведенческая экономика, прийняття рішень, "
                  "принятие решений"),
)
