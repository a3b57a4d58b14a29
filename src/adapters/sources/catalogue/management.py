"""Management and organisation: strategy, capabilities, learning and governance of firms."""

from adapters.sources.catalogue.entry import work

MANAGEMENT = ("management, менеджмент, управління, управление, gestione, strategy, "
              "стратегія, стратегия")

MANAGEMENT_WORKS = (
    work("A resource-based view of the firm", ("Birger Wernerfelt",), 1984,
         "Strategic Management Journal", "10.1002/smj.4250050207",
         summary="Proposes analysing firms by their resources rather than their products, "
                 "and introduces resource position barriers, the resource counterpart of "
                 "entry barriers, as a source of high returns that guides diversification "
                 "and acquisitions.",
         keywords=f"{MANAGEMENT}, resource-based view, competitive advantage, resources, "
                  "ресурсний підхід, ресурсный подход"),
    work("Firm resources and sustained competitive advantage", ("Jay Barney",), 1991,
         "Journal of Management", "10.1177/014920639101700108",
         summary="Argues that sustained competitive advantage comes from firm resources that "
                 "are valuable, rare, imperfectly imitable and without strategic substitutes. "
                 "The framework, often summarised as VRIN, became the core of the "
                 "resource-based view.",
         keywords=f"{MANAGEMENT}, resource-based view, competitive advantage, VRIN, "
                  "конкурентна перевага, конкурентное преимущество"),
    work("Dynamic capabilities and strategic management",
         ("David J. Teece", "Gary Pisano", "Amy Shuen"), 1997, "Strategic Management Journal",
         "10.1002/(SICI)1097-0266(199708)18:7<509::AID-SMJ882>3.0.CO;2-Z",
         summary="Defines dynamic capabilities as a firm's ability to integrate, build and "
                 "reconfigure competences to address rapidly changing environments, and "
                 "argues that they explain how firms gain and keep competitive advantage.",
         keywords=f"{MANAGEMENT}, dynamic capabilities, competitive advantage, innovation, "
                  "динамічні здібності, динамические способности"),
    work("Competitive Strategy: Techniques for Analyzing Industries and Competitors",
         ("Michael E. Porter",), 1980, "Free Press", None,
         summary="Presents the five forces that shape competition in an industry (rivalry, "
                 "new entrants, substitutes, and the bargaining power of buyers and "
                 "suppliers) and the generic strategies of cost leadership, differentiation "
                 "and focus.",
         keywords=f"{MANAGEMENT}, competitive strategy, five forces, industry analysis, "
                  "competition, конкуренція, конкуренция, конкурентоспроможність, "
                  "конкурентоспособность"),
    work("Patterns in strategy formation", ("Henry Mintzberg",), 1978, "Management Science",
         "10.1287/mnsc.24.9.934",
         summary="Defines strategy as a pattern in a stream of decisions and, tracing the "
                 "strategies of Volkswagen and the US government in Vietnam over decades, "
                 "distinguishes intended, deliberate, unrealised and emergent strategies.",
         keywords=f"{MANAGEMENT}, strategy formation, emergent strategy, strategic planning, "
                  "стратегічне планування, стратегическое планирование"),
    work("Absorptive capacity: A new perspective on learning and innovation",
         ("Wesley M. Cohen", "Daniel A. Levinthal"), 1990,
         "Administrative Science Quarterly", "10.2307/2393553",
         summary="Argues that a firm's ability to recognise, assimilate and apply outside "
                 "knowledge depends on its prior related knowledge, so investment in research "
                 "and development also builds this absorptive capacity.",
         keywords=f"{MANAGEMENT}, absorptive capacity, innovation, knowledge, research and "
                  "development, інновації, инновации, знання, знания"),
    work("Exploration and exploitation in organizational learning", ("James G. March",),
         1991, "Organization Science", "10.1287/orsc.2.1.71",
         summary="Examines the trade-off between exploring new possibilities and exploiting "
                 "old certainties. Simulations show that adaptive processes tend to favour "
                 "exploitation, which pays off in the short run but can be self-destructive "
                 "in the long run.",
         keywords=f"{MANAGEMENT}, organizational learning, exploration, exploitation, "
                  "innovation, організаційне навчання, организационное обучение"),
    work("A dynamic theory of organizational knowledge creation", ("Ikujiro Nonaka",), 1994,
         "Organization Science", "10.1287/orsc.5.1.14",
         summary="Proposes that organisations create knowledge through a continuous dialogue "
                 "between tacit and explicit knowledge, in four modes of conversion: "
                 "socialisation, externalisation, combination and internalisation.",
         keywords=f"{MANAGEMENT}, knowledge management, tacit knowledge, knowledge creation, "
                  "управління знаннями, управление знаниями"),
    work("Psychological safety and learning behavior in work teams", ("Amy Edmondson",), 1999,
         "Administrative Science Quarterly", "10.2307/2666999",
         summary="Introduces team psychological safety, a shared belief that the team is safe "
                 "for interpersonal risk taking. In a study of 51 manufacturing teams it "
                 "predicts learning behaviour, which in turn predicts team performance.",
         keywords=f"{MANAGEMENT}, psychological safety, teams, teamwork, learning behaviour, "
                  "командна робота, командная работа, персонал, HR"),
    work("Theory of the firm: Managerial behavior, agency costs and ownership structure",
         ("Michael C. Jensen", "William H. Meckling"), 1976, "Journal of Financial Economics",
         "10.1016/0304-405X(76)90026-X",
         summary="Develops agency theory for the firm: when managers do not own all of it, "
                 "their interests diverge from owners', producing agency costs of monitoring, "
                 "bonding and residual loss that shape the firm's ownership and capital "
                 "structure.",
         keywords=f"{MANAGEMENT}, agency theory, corporate governance, ownership structure, "
                  "корпоративне управління, корпоративное управление, агентські витрати"),
    work("The iron cage revisited: Institutional isomorphism and collective rationality in "
         "organizational fields", ("Paul J. DiMaggio", "Walter W. Powell"), 1983,
         "American Sociological Review", "10.2307/2095101",
         summary="Asks why organisations in a field become so alike and identifies three "
                 "mechanisms of institutional isomorphism: coercive pressure from the state "
                 "and others, mimetic copying under uncertainty, and normative pressure from "
                 "professions.",
         keywords=f"{MANAGEMENT}, institutional theory, isomorphism, organizations, "
                  "sociology of organizations, інституційна теорія, институциональная "
                  "теория, організації, организации"),
    work("Strategic Management: A Stakeholder Approach", ("R. Edward Freeman",), 1984,
         "Pitman", None,
         summary="Argues that managers should attend to all groups who can affect or are "
                 "affected by the firm's objectives, such as employees, customers, suppliers "
                 "and communities, not only shareholders, and offers tools for managing "
                 "these stakeholder relationships.",
         keywords=f"{MANAGEMENT}, stakeholder theory, corporate social responsibility, "
                  "стейкхолдери, заинтересованные стороны, соціальна відповідальність, "
                  "социальная ответственность"),
)
