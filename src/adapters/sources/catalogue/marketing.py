"""Marketing: customers, services, brands and relationships."""

from adapters.sources.catalogue.entry import work

MARKETING = "marketing, маркетинг, consumers, споживачі, потребители, consumatori"

MARKETING_WORKS = (
    work("Marketing myopia", ("Theodore Levitt",), 1960, "Harvard Business Review", None,
         summary="Argues that industries decline when they define themselves by their "
                 "products rather than the customer needs they serve, using railroads and "
                 "oil among its examples, and that firms should be customer-satisfying "
                 "rather than goods-producing.",
         keywords=f"{MARKETING}, customer orientation, business definition, strategy"),
    work("A conceptual model of service quality and its implications for future research",
         ("A. Parasuraman", "Valarie A. Zeithaml", "Leonard L. Berry"), 1985,
         "Journal of Marketing", "10.1177/002224298504900403",
         summary="From focus groups with consumers and interviews with executives, develops "
                 "the gaps model of service quality: perceived quality depends on the gap "
                 "between what customers expect and what they perceive, caused by four gaps "
                 "on the provider's side.",
         keywords=f"{MARKETING}, service quality, services marketing, customer expectations, "
                  "якість послуг, качество услуг, qualità del servizio"),
    work("SERVQUAL: A multiple-item scale for measuring consumer perceptions of service "
         "quality", ("A. Parasuraman", "Valarie A. Zeithaml", "Leonard L. Berry"), 1988,
         "Journal of Retailing", None,
         summary="Develops SERVQUAL, a 22-item scale measuring service quality as the gap "
                 "between expectations and perceptions along five dimensions: tangibles, "
                 "reliability, responsiveness, assurance and empathy.",
         keywords=f"{MARKETING}, SERVQUAL, service quality, measurement scale, якість "
                  "обслуговування, качество обслуживания"),
    work("A cognitive model of the antecedents and consequences of satisfaction decisions",
         ("Richard L. Oliver",), 1980, "Journal of Marketing Research",
         "10.1177/002224378001700405",
         summary="Models customer satisfaction as a function of expectations and their "
                 "disconfirmation by experience, and shows in a study of flu vaccination "
                 "that satisfaction in turn affects attitudes and intentions.",
         keywords=f"{MARKETING}, customer satisfaction, expectation disconfirmation, "
                  "задоволеність клієнтів, удовлетворенность клиентов"),
    work("Consumer perceptions of price, quality, and value: A means-end model and synthesis "
         "of evidence", ("Valarie A. Zeithaml",), 1988, "Journal of Marketing",
         "10.1177/002224298805200302",
         summary="Defines perceived value as the consumer's overall assessment of what is "
                 "received for what is given, and builds a means-end model relating price, "
                 "perceived quality and value from an exploratory study and prior "
                 "evidence.",
         keywords=f"{MARKETING}, perceived value, price, perceived quality, ціна, цена, "
                  "цінність, ценность"),
    work("Conceptualizing, measuring, and managing customer-based brand equity",
         ("Kevin Lane Keller",), 1993, "Journal of Marketing", "10.1177/002224299305700101",
         summary="Defines customer-based brand equity as the differential effect of brand "
                 "knowledge on consumers' response to the brand's marketing, with brand "
                 "knowledge made up of brand awareness and brand image.",
         keywords=f"{MARKETING}, brand equity, branding, brand image, бренд, брендинг, "
                  "торгова марка, торговая марка"),
    work("Dimensions of brand personality", ("Jennifer L. Aaker",), 1997,
         "Journal of Marketing Research", "10.1177/002224379703400304",
         summary="Develops a scale of brand personality, the human characteristics "
                 "associated with a brand, from US consumers' ratings and finds five "
                 "dimensions: sincerity, excitement, competence, sophistication and "
                 "ruggedness.",
         keywords=f"{MARKETING}, brand personality, branding, consumer behaviour, бренд"),
    work("The commitment-trust theory of relationship marketing",
         ("Robert M. Morgan", "Shelby D. Hunt"), 1994, "Journal of Marketing",
         "10.1177/002224299405800302",
         summary="Argues that commitment and trust are the key mediating variables of "
                 "successful relationship marketing and tests the model with data from "
                 "automobile tyre retailers.",
         keywords=f"{MARKETING}, relationship marketing, trust, commitment, customer "
                  "loyalty, довіра, доверие, лояльність, лояльность"),
    work("Market orientation: The construct, research propositions, and managerial "
         "implications", ("Ajay K. Kohli", "Bernard J. Jaworski"), 1990,
         "Journal of Marketing", "10.1177/002224299005400201",
         summary="From interviews with managers, defines market orientation as the "
                 "organisation-wide generation of market intelligence, its dissemination "
                 "across departments and the organisation's response to it, with "
                 "propositions on its antecedents and consequences.",
         keywords=f"{MARKETING}, market orientation, market intelligence, ринкова "
                  "орієнтація, рыночная ориентация"),
    work("Evolving to a new dominant logic for marketing",
         ("Stephen L. Vargo", "Robert F. Lusch"), 2004, "Journal of Marketing",
         "10.1509/jmkg.68.1.1.24036",
         summary="Argues that marketing is shifting from a goods-dominant logic of exchanging "
                 "tangible output to a service-dominant logic in which service, the "
                 "application of competences, is the basis of exchange and value is "
                 "co-created with customers.",
         keywords=f"{MARKETING}, service-dominant logic, value co-creation, services, "
                  "маркетинг послуг, маркетинг услуг"),
    work("Users of the world, unite! The challenges and opportunities of Social Media",
         ("Andreas M. Kaplan", "Michael Haenlein"), 2010, "Business Horizons",
         "10.1016/j.bushor.2009.09.003",
         summary="Defines social media and classifies them, from blogs and collaborative "
                 "projects to social networking sites and virtual worlds, by social presence "
                 "and self-disclosure, with advice for companies on using them.",
         keywords=f"{MARKETING}, social media, digital marketing, social networks, соціальні "
                  "мережі, социальные сети, цифровий маркетинг, цифровой маркетинг, "
                  "SMM"),
)
