"""Environmental science and climate: greenhouse warming, ecosystems, the commons and the
economics of climate policy."""

from adapters.sources.catalogue.entry import work

CLIMATE = ("climate change, global warming, зміна клімату, глобальне потепління, изменение "
           "климата, глобальное потепление, cambiamento climatico, greenhouse gases, парникові "
           "гази, парниковые газы")
ENVIRONMENT = ("environment, ecology, довкілля, екологія, окружающая среда, экология, "
               "ambiente, sustainability, сталий розвиток, устойчивое развитие")

ENVIRONMENT_WORKS = (
    work("On the influence of carbonic acid in the air upon the temperature of the ground",
         ("Svante Arrhenius",), 1896, "The London, Edinburgh, and Dublin Philosophical "
         "Magazine and Journal of Science", "10.1080/14786449608620846",
         summary="Estimates from measurements of infrared absorption how the carbon dioxide "
                 "content of the air affects surface temperature, and calculates that "
                 "halving or doubling it would cool or warm the Earth by several degrees.",
         keywords=f"{CLIMATE}, carbon dioxide, greenhouse effect, парниковий ефект, "
                  "парниковый эффект"),
    work("The concentration and isotopic abundances of carbon dioxide in the atmosphere",
         ("Charles D. Keeling",), 1960, "Tellus", "10.3402/tellusa.v12i2.9366",
         summary="Reports the first precise continuous measurements of atmospheric carbon "
                 "dioxide in Antarctica, California and at Mauna Loa, showing a seasonal "
                 "cycle and hinting at a rise: the start of the Keeling curve.",
         keywords=f"{CLIMATE}, carbon dioxide, atmosphere, Keeling curve, measurements, "
                  "атмосфера, вуглекислий газ, углекислый газ"),
    work("Thermal equilibrium of the atmosphere with a given distribution of relative "
         "humidity", ("Syukuro Manabe", "Richard T. Wetherald"), 1967,
         "Journal of the Atmospheric Sciences",
         "10.1175/1520-0469(1967)024<0241:TEOTAW>2.0.CO;2",
         summary="Computes the radiative-convective equilibrium of the atmosphere with fixed "
                 "relative humidity and finds that doubling carbon dioxide warms the surface "
                 "by about 2 degrees Celsius while cooling the stratosphere.",
         keywords=f"{CLIMATE}, climate model, climate sensitivity, radiative-convective "
                  "equilibrium, кліматична модель, климатическая модель"),
    work("Global-scale temperature patterns and climate forcing over the past six centuries",
         ("Michael E. Mann", "Raymond S. Bradley", "Malcolm K. Hughes"), 1998, "Nature",
         "10.1038/33859",
         summary="Reconstructs annual Northern Hemisphere temperature patterns since 1400 from "
                 "tree rings, ice cores, corals and instrumental records, and finds recent "
                 "decades warmer than any in the period, attributing the warming largely to "
                 "greenhouse gases.",
         keywords=f"{CLIMATE}, paleoclimate, temperature reconstruction, hockey stick, "
                  "палеоклімат, палеоклимат"),
    work("Global temperature change",
         ("James Hansen", "Makiko Sato", "Reto Ruedy", "Ken Lo", "David W. Lea",
          "Martin Medina-Elizade"), 2006, "Proceedings of the National Academy of Sciences",
         "10.1073/pnas.0606291103",
         summary="Analyses instrumental records to show global surface warming of about 0.2 "
                 "degrees Celsius per decade over the preceding thirty years and argues that "
                 "the Earth is approaching the warmest levels of the Holocene.",
         keywords=f"{CLIMATE}, global temperature, surface temperature, warming trends"),
    work("Geology of mankind", ("Paul J. Crutzen",), 2002, "Nature", "10.1038/415023a",
         summary="Proposes naming the present geological epoch the Anthropocene, because "
                 "human activity since the late eighteenth century has become a major "
                 "geological and environmental force.",
         keywords=f"{ENVIRONMENT}, {CLIMATE}, Anthropocene, антропоцен, human impact"),
    work("The Anthropocene: Are humans now overwhelming the great forces of nature?",
         ("Will Steffen", "Paul J. Crutzen", "John R. McNeill"), 2007, "Ambio",
         "10.1579/0044-7447(2007)36[614:TAAHNO]2.0.CO;2",
         summary="Traces the Anthropocene through the industrial era and the great "
                 "acceleration after 1945 in population, resource use and pollution, and "
                 "discusses how humanity might steward the Earth system.",
         keywords=f"{ENVIRONMENT}, {CLIMATE}, Anthropocene, great acceleration, Earth system, "
                  "антропоцен"),
    work("The tragedy of the commons", ("Garrett Hardin",), 1968, "Science",
         "10.1126/science.162.3859.1243",
         summary="Argues that when a resource is open to all, each user gains from using "
                 "more while the costs are shared, so the commons is overused; population "
                 "growth and pollution, Hardin says, need mutually agreed coercion.",
         keywords=f"{ENVIRONMENT}, commons, common-pool resources, overpopulation, трагедія "
                  "спільного, трагедия общин, природні ресурси, природные ресурсы"),
    work("A general framework for analyzing sustainability of social-ecological systems",
         ("Elinor Ostrom",), 2009, "Science", "10.1126/science.1172133",
         summary="Proposes a multilevel framework of variables describing resource systems, "
                 "resource units, governance systems and users, to analyse when "
                 "social-ecological systems such as fisheries and forests are used "
                 "sustainably.",
         keywords=f"{ENVIRONMENT}, social-ecological systems, commons, governance, natural "
                  "resources, управління ресурсами, управление ресурсами"),
    work("The value of the world's ecosystem services and natural capital",
         ("Robert Costanza", "Ralph d'Arge", "Rudolf de Groot", "Stephen Farber",
          "Monica Grasso", "Bruce Hannon", "Karin Limburg", "Shahid Naeem",
          "Robert V. O'Neill", "Jose Paruelo", "Robert G. Raskin", "Paul Sutton",
          "Marjan van den Belt"), 1997, "Nature", "10.1038/387253a0",
         summary="Estimates the economic value of seventeen ecosystem services across "
                 "sixteen biomes at about 33 trillion US dollars a year, more than global "
                 "gross national product at the time.",
         keywords=f"{ENVIRONMENT}, ecosystem services, natural capital, environmental "
                  "economics, екосистемні послуги, экосистемные услуги, biodiversity, "
                  "біорізноманіття, биоразнообразие"),
    work("An optimal transition path for controlling greenhouse gases",
         ("William D. Nordhaus",), 1992, "Science", "10.1126/science.258.5086.1315",
         summary="Presents the DICE model, linking economic growth, emissions and climate "
                 "damage, and finds that an efficient policy cuts greenhouse gas emissions "
                 "modestly at first, with a rising carbon tax.",
         keywords=f"{CLIMATE}, climate economics, DICE model, carbon tax, climate policy, "
                  "кліматична політика, климатическая политика, податок на вуглець"),
    work("The economics of climate change", ("Nicholas Stern",), 2008,
         "American Economic Review", "10.1257/aer.98.2.1",
         summary="Argues that climate change is the greatest market failure ever seen, that "
                 "the costs of strong early action are small compared with the risks of "
                 "inaction, and discusses discounting, risk and policy instruments.",
         keywords=f"{CLIMATE}, climate economics, climate policy, market failure, "
                  "discounting, економіка клімату, экономика климата"),
    work("Silent Spring", ("Rachel Carson",), 1962, "Houghton Mifflin", None,
         summary="Documents the harm done to birds, fish, wildlife and possibly people by the "
                 "indiscriminate use of synthetic pesticides such as DDT, and calls the "
                 "chemical control of nature into question.",
         keywords=f"{ENVIRONMENT}, pesticides, DDT, pollution, environmental movement, "
                  "пестициди, пестициды, забруднення, загрязнение"),
    work("The Limits to Growth",
         ("Donella H. Meadows", "Dennis L. Meadows", "Jørgen Randers",
          "William W. Behrens III"), 1972, "Universe Books", None,
         summary="A report to the Club of Rome that simulates the world system with the "
                 "World3 model and concludes that continued exponential growth in population, "
                 "industry and resource use would reach the planet's limits within a "
                 "century.",
         keywords=f"{ENVIRONMENT}, limits to growth, Club of Rome, resources, population, "
                  "межі зростання, пределы роста, system dynamics"),
)
