"""Genuine, well-known scholarly works with their real metadata, for the offline source list.

Every entry is a published work; DOIs are the publishers' (the Russian-language entries predate
DOIs and have none). Authors are listed in full. Add only works you can check.
"""


from __future__ import annotations

from domain.sources import FoundWork


def _work(title: str, authors: tuple[str, ...], year: int, venue: str,
          doi: str | None = None) -> FoundWork:
    url = f"https://doi.org/{doi}" if doi else None
    return FoundWork(title=title, authors=authors, year=year, venue=venue, doi=doi, url=url)


# Research methods: the fallback when nothing in the catalogue matches the topic.
GENERAL_METHODS = (
    _work("Using thematic analysis in psychology", ("Virginia Braun", "Victoria Clarke"), 2006,
          "Qualitative Research in Psychology", "10.1191/1478088706qp063oa"),
    _work("Mixed methods research: A research paradigm whose time has come",
          ("R. Burke Johnson", "Anthony J. Onwuegbuzie"), 2004, "Educational Researcher",
          "10.3102/0013189X033007014"),
    _work("Building theories from case study research", ("Kathleen M. Eisenhardt",), 1989,
          "Academy of Management Review", "10.5465/amr.1989.4308385"),
    _work("How many interviews are enough? An experiment with data saturation and variability",
          ("Greg Guest", "Arwen Bunce", "Laura Johnson"), 2006, "Field Methods",
          "10.1177/1525822X05279903"),
    _work("Preferred reporting items for systematic reviews and meta-analyses: "
          "the PRISMA statement",
          ("David Moher", "Alessandro Liberati", "Jennifer Tetzlaff", "Douglas G. Altman",
           "The PRISMA Group"), 2009, "PLoS Medicine", "10.1371/journal.pmed.1000097"),
    _work("Consolidated criteria for reporting qualitative research (COREQ): a 32-item "
          "checklist for interviews and focus groups",
          ("Allison Tong", "Peter Sainsbury", "Jonathan Craig"), 2007,
          "International Journal for Quality in Health Care", "10.1093/intqhc/mzm042"),
    _work("Coefficient alpha and the internal structure of tests", ("Lee J. Cronbach",), 1951,
          "Psychometrika", "10.1007/BF02310555"),
    _work("G*Power 3: A flexible statistical power analysis program for the social, "
          "behavioral, and biomedical sciences",
          ("Franz Faul", "Edgar Erdfelder", "Albert-Georg Lang", "Axel Buchner"), 2007,
          "Behavior Research Methods", "10.3758/BF03193146"),
)

STATISTICS_AND_MEASUREMENT = (
    _work("A coefficient of agreement for nominal scales", ("Jacob Cohen",), 1960,
          "Educational and Psychological Measurement", "10.1177/001316446002000104"),
    _work("The measurement of observer agreement for categorical data",
          ("J. Richard Landis", "Gary G. Koch"), 1977, "Biometrics", "10.2307/2529310"),
    _work("Cutoff criteria for fit indexes in covariance structure analysis: Conventional "
          "criteria versus new alternatives", ("Li-tze Hu", "Peter M. Bentler"), 1999,
          "Structural Equation Modeling: A Multidisciplinary Journal",
          "10.1080/10705519909540118"),
    _work("Evaluating structural equation models with unobservable variables and measurement "
          "error", ("Claes Fornell", "David F. Larcker"), 1981, "Journal of Marketing Research",
          "10.1177/002224378101800104"),
    _work("Controlling the false discovery rate: A practical and powerful approach to multiple "
          "testing", ("Yoav Benjamini", "Yosef Hochberg"), 1995,
          "Journal of the Royal Statistical Society: Series B (Methodological)",
          "10.1111/j.2517-6161.1995.tb02031.x"),
    _work("Why most published research findings are false", ("John P. A. Ioannidis",), 2005,
          "PLoS Medicine", "10.1371/journal.pmed.0020124"),
    _work("Estimating the reproducibility of psychological science",
          ("Open Science Collaboration",), 2015, "Science", "10.1126/science.aac4716"),
)

PSYCHOLOGY = (
    _work("The moderator-mediator variable distinction in social psychological research: "
          "Conceptual, strategic, and statistical considerations",
          ("Reuben M. Baron", "David A. Kenny"), 1986,
          "Journal of Personality and Social Psychology", "10.1037/0022-3514.51.6.1173"),
    _work("Common method biases in behavioral research: A critical review of the literature "
          "and recommended remedies",
          ("Philip M. Podsakoff", "Scott B. MacKenzie", "Jeong-Yeon Lee",
           "Nathan P. Podsakoff"), 2003, "Journal of Applied Psychology",
          "10.1037/0021-9010.88.5.879"),
    _work("Judgment under uncertainty: Heuristics and biases",
          ("Amos Tversky", "Daniel Kahneman"), 1974, "Science",
          "10.1126/science.185.4157.1124"),
    _work("Self-efficacy: Toward a unifying theory of behavioral change", ("Albert Bandura",),
          1977, "Psychological Review", "10.1037/0033-295X.84.2.191"),
    _work("The theory of planned behavior", ("Icek Ajzen",), 1991,
          "Organizational Behavior and Human Decision Processes",
          "10.1016/0749-5978(91)90020-T"),
    _work("Self-determination theory and the facilitation of intrinsic motivation, social "
          "development, and well-being", ("Richard M. Ryan", "Edward L. Deci"), 2000,
          "American Psychologist", "10.1037/0003-066X.55.1.68"),
    _work("The magical number seven, plus or minus two: Some limits on our capacity for "
          "processing information", ("George A. Miller",), 1956, "Psychological Review",
          "10.1037/h0043158"),
)

EDUCATION = (
    _work("Cognitive load during problem solving: Effects on learning", ("John Sweller",), 1988,
          "Cognitive Science", "10.1207/s15516709cog1202_4"),
    _work("Assessment and classroom learning", ("Paul Black", "Dylan Wiliam"), 1998,
          "Assessment in Education: Principles, Policy & Practice", "10.1080/0969595980050102"),
    _work("The power of feedback", ("John Hattie", "Helen Timperley"), 2007,
          "Review of Educational Research", "10.3102/003465430298487"),
    _work("Active learning increases student performance in science, engineering, and "
          "mathematics",
          ("Scott Freeman", "Sarah L. Eddy", "Miles McDonough", "Michelle K. Smith",
           "Nnadozie Okoroafor", "Hannah Jordt", "Mary Pat Wenderoth"), 2014,
          "Proceedings of the National Academy of Sciences", "10.1073/pnas.1319030111"),
    _work("Those who understand: Knowledge growth in teaching", ("Lee S. Shulman",), 1986,
          "Educational Researcher", "10.3102/0013189X015002004"),
)

COMPUTER_SCIENCE = (
    _work("Deep learning", ("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"), 2015, "Nature",
          "10.1038/nature14539"),
    _work("Deep residual learning for image recognition",
          ("Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"), 2016,
          "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
          "10.1109/CVPR.2016.90"),
    _work("Long short-term memory", ("Sepp Hochreiter", "Jürgen Schmidhuber"), 1997,
          "Neural Computation", "10.1162/neco.1997.9.8.1735"),
    _work("Computing machinery and intelligence", ("Alan M. Turing",), 1950, "Mind",
          "10.1093/mind/LIX.236.433"),
    _work("A relational model of data for large shared data banks", ("Edgar F. Codd",), 1970,
          "Communications of the ACM", "10.1145/362384.362685"),
    _work("A note on two problems in connexion with graphs", ("Edsger W. Dijkstra",), 1959,
          "Numerische Mathematik", "10.1007/BF01386390"),
    _work("Go To statement considered harmful", ("Edsger W. Dijkstra",), 1968,
          "Communications of the ACM", "10.1145/362929.362947"),
    _work("Time, clocks, and the ordering of events in a distributed system",
          ("Leslie Lamport",), 1978, "Communications of the ACM", "10.1145/359545.359563"),
    _work("MapReduce: simplified data processing on large clusters",
          ("Jeffrey Dean", "Sanjay Ghemawat"), 2008, "Communications of the ACM",
          "10.1145/1327452.1327492"),
    _work("A method for obtaining digital signatures and public-key cryptosystems",
          ("Ronald L. Rivest", "Adi Shamir", "Leonard Adleman"), 1978,
          "Communications of the ACM", "10.1145/359340.359342"),
    _work("On the criteria to be used in decomposing systems into modules",
          ("David L. Parnas",), 1972, "Communications of the ACM", "10.1145/361598.361623"),
    _work("Perceived usefulness, perceived ease of use, and user acceptance of information "
          "technology", ("Fred D. Davis",), 1989, "MIS Quarterly", "10.2307/249008"),
    _work("User acceptance of information technology: Toward a unified view",
          ("Viswanath Venkatesh", "Michael G. Morris", "Gordon B. Davis", "Fred D. Davis"),
          2003, "MIS Quarterly", "10.2307/30036540"),
)

ENGINEERING = (
    _work("A mathematical theory of communication", ("Claude E. Shannon",), 1948,
          "Bell System Technical Journal", "10.1002/j.1538-7305.1948.tb01338.x"),
    _work("A new approach to linear filtering and prediction problems", ("R. E. Kalman",),
          1960, "Journal of Basic Engineering", "10.1115/1.3662552"),
    _work("An algorithm for the machine calculation of complex Fourier series",
          ("James W. Cooley", "John W. Tukey"), 1965, "Mathematics of Computation",
          "10.1090/S0025-5718-1965-0178586-1"),
    _work("New directions in cryptography", ("Whitfield Diffie", "Martin E. Hellman"), 1976,
          "IEEE Transactions on Information Theory", "10.1109/TIT.1976.1055638"),
)

ECONOMICS = (
    _work("Equilibrium points in n-person games", ("John F. Nash Jr.",), 1950,
          "Proceedings of the National Academy of Sciences", "10.1073/pnas.36.1.48"),
    _work("The market for \"lemons\": Quality uncertainty and the market mechanism",
          ("George A. Akerlof",), 1970, "The Quarterly Journal of Economics", "10.2307/1879431"),
    _work("The nature of the firm", ("Ronald H. Coase",), 1937, "Economica",
          "10.1111/j.1468-0335.1937.tb00002.x"),
    _work("A contribution to the theory of economic growth", ("Robert M. Solow",), 1956,
          "The Quarterly Journal of Economics", "10.2307/1884513"),
    _work("Prospect theory: An analysis of decision under risk",
          ("Daniel Kahneman", "Amos Tversky"), 1979, "Econometrica", "10.2307/1914185"),
    _work("The tragedy of the commons", ("Garrett Hardin",), 1968, "Science",
          "10.1126/science.162.3859.1243"),
    _work("Efficient capital markets: A review of theory and empirical work",
          ("Eugene F. Fama",), 1970, "The Journal of Finance",
          "10.1111/j.1540-6261.1970.tb00518.x"),
    _work("Theory of the firm: Managerial behavior, agency costs and ownership structure",
          ("Michael C. Jensen", "William H. Meckling"), 1976,
          "Journal of Financial Economics", "10.1016/0304-405X(76)90026-X"),
    _work("The pricing of options and corporate liabilities", ("Fischer Black", "Myron Scholes"),
          1973, "Journal of Political Economy", "10.1086/260062"),
    _work("Mathematical methods of organizing and planning production",
          ("L. V. Kantorovich",), 1960, "Management Science", "10.1287/mnsc.6.4.366"),
)

MEDICINE_AND_BIOLOGY = (
    _work("Molecular structure of nucleic acids: A structure for deoxyribose nucleic acid",
          ("James D. Watson", "Francis H. C. Crick"), 1953, "Nature", "10.1038/171737a0"),
    _work("Nonparametric estimation from incomplete observations",
          ("Edward L. Kaplan", "Paul Meier"), 1958,
          "Journal of the American Statistical Association", "10.1080/01621459.1958.10501452"),
    _work("Regression models and life-tables", ("David R. Cox",), 1972,
          "Journal of the Royal Statistical Society: Series B (Methodological)",
          "10.1111/j.2517-6161.1972.tb00899.x"),
    _work("Statistical methods for assessing agreement between two methods of clinical "
          "measurement", ("J. Martin Bland", "Douglas G. Altman"), 1986, "The Lancet",
          "10.1016/S0140-6736(86)90837-8"),
    _work("The need for a new medical model: A challenge for biomedicine", ("George L. Engel",),
          1977, "Science", "10.1126/science.847460"),
    _work("A new method of classifying prognostic comorbidity in longitudinal studies: "
          "Development and validation",
          ("Mary E. Charlson", "Peter Pompei", "Kathy L. Ales", "C. Ronald MacKenzie"), 1987,
          "Journal of Chronic Diseases", "10.1016/0021-9681(87)90171-8"),
)

LANGUAGE_AND_LINGUISTICS = (
    _work("Three models for the description of language", ("Noam Chomsky",), 1956,
          "IRE Transactions on Information Theory", "10.1109/TIT.1956.1056813"),
    _work("BERT: Pre-training of deep bidirectional transformers for language understanding",
          ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"), 2019,
          "Proceedings of the 2019 Conference of the North American Chapter of the Association "
          "for Computational Linguistics: Human Language Technologies",
          "10.18653/v1/N19-1423"),
    _work("Efficient estimation of word representations in vector space",
          ("Tomas Mikolov", "Kai Chen", "Greg Corrado", "Jeffrey Dean"), 2013, "arXiv",
          "10.48550/arXiv.1301.3781"),
)

HISTORY = (
    _work("Time, work-discipline, and industrial capitalism", ("E. P. Thompson",), 1967,
          "Past & Present", "10.1093/past/38.1.56"),
    _work("The moral economy of the English crowd in the eighteenth century",
          ("E. P. Thompson",), 1971, "Past & Present", "10.1093/past/50.1.76"),
    _work("The historical roots of our ecologic crisis", ("Lynn White Jr.",), 1967, "Science",
          "10.1126/science.155.3767.1203"),
)

RUSSIAN_LANGUAGE = (
    _work("Пример статистического исследования над текстом «Евгения Онегина», "
          "иллюстрирующий связь испытаний в цепь", ("А. А. Марков",), 1913,
          "Известия Императорской Академии наук. VI серия"),
    _work("Локальная структура турбулентности в несжимаемой вязкой жидкости при очень больших "
          "числах Рейнольдса", ("А. Н. Колмогоров",), 1941, "Доклады Академии наук СССР"),
    _work("Три подхода к определению понятия «количество информации»", ("А. Н. Колмогоров",),
          1965, "Проблемы передачи информации"),
)

CATALOGUE: tuple[FoundWork, ...] = (
    GENERAL_METHODS + STATISTICS_AND_MEASUREMENT + PSYCHOLOGY + EDUCATION + COMPUTER_SCIENCE
    + ENGINEERING + ECONOMICS + MEDICINE_AND_BIOLOGY + LANGUAGE_AND_LINGUISTICS + HISTORY
    + RUSSIAN_LANGUAGE
)
