"""Sociology: social networks and capital, institutions, deviance, neighbourhoods and
gender."""

from adapters.sources.catalogue.entry import work

SOCIOLOGY = "sociology, соціологія, социология, sociologia, society, суспільство, общество"
CAPITAL = "social capital, соціальний капітал, социальный капитал, capitale sociale"
NETWORKS = "social networks, соціальні мережі, социальные сети"

SOCIOLOGY_WORKS = (
    work("The strength of weak ties", ("Mark S. Granovetter",), 1973,
         "American Journal of Sociology", "10.1086/225469",
         summary="Argues that weak ties between acquaintances bridge otherwise separate "
                 "groups, so they spread information, such as news of jobs, more widely than "
                 "strong ties between close friends.",
         keywords=f"{SOCIOLOGY}, {NETWORKS}, weak ties, job search, diffusion, пошук роботи"),
    work("Economic action and social structure: The problem of embeddedness",
         ("Mark Granovetter",), 1985, "American Journal of Sociology", "10.1086/228311",
         summary="Argues that economic action is embedded in concrete networks of personal "
                 "relations, against both undersocialised economic and oversocialised "
                 "sociological accounts, and applies this to trust and to the boundaries of "
                 "firms.",
         keywords=f"{SOCIOLOGY}, {NETWORKS}, embeddedness, economic sociology, trust, "
                  "економічна соціологія, экономическая социология, довіра, доверие"),
    work("Social capital in the creation of human capital", ("James S. Coleman",), 1988,
         "American Journal of Sociology", "10.1086/228943",
         summary="Defines social capital by its function, as resources inherent in "
                 "relations such as obligations, information channels and norms, and shows "
                 "that social capital in the family and community lowers school dropout.",
         keywords=f"{SOCIOLOGY}, {CAPITAL}, human capital, education, family, "
                  "норми, нормы"),
    work("Social capital: Its origins and applications in modern sociology",
         ("Alejandro Portes",), 1998, "Annual Review of Sociology",
         "10.1146/annurev.soc.24.1.1",
         summary="Reviews the origins of the concept of social capital in Bourdieu and "
                 "Coleman, its sources and its uses, and warns of its negative consequences "
                 "such as exclusion of outsiders and excessive claims on group members.",
         keywords=f"{SOCIOLOGY}, {CAPITAL}, Bourdieu, community, networks"),
    work("Bowling alone: America's declining social capital", ("Robert D. Putnam",), 1995,
         "Journal of Democracy", "10.1353/jod.1995.0002",
         summary="Documents a decline of civic engagement and membership of associations in "
                 "the United States since the 1960s, a loss of social capital that, Putnam "
                 "argues, weakens democracy.",
         keywords=f"{SOCIOLOGY}, {CAPITAL}, civic engagement, civil society, democracy, "
                  "громадянське суспільство, гражданское общество, демократія"),
    work("Birds of a feather: Homophily in social networks",
         ("Miller McPherson", "Lynn Smith-Lovin", "James M. Cook"), 2001,
         "Annual Review of Sociology", "10.1146/annurev.soc.27.1.415",
         summary="Reviews evidence that contact between similar people, by race, sex, age, "
                 "religion, education and values, occurs at a higher rate than between "
                 "dissimilar people, and the causes and consequences of this homophily.",
         keywords=f"{SOCIOLOGY}, {NETWORKS}, homophily, social ties, гомофілія, гомофилия"),
    work("Social structure and anomie", ("Robert K. Merton",), 1938,
         "American Sociological Review", "10.2307/2084686",
         summary="Explains deviant behaviour as a response to a gap between culturally "
                 "prescribed goals, such as wealth, and the legitimate means available to "
                 "reach them, with five modes of adaptation from conformity to rebellion.",
         keywords=f"{SOCIOLOGY}, anomie, deviance, strain theory, crime, аномія, аномия, "
                  "девіантна поведінка, девиантное поведение"),
    work("The self-fulfilling prophecy", ("Robert K. Merton",), 1948, "The Antioch Review",
         "10.2307/4609267",
         summary="Introduces the self-fulfilling prophecy: a false definition of a situation "
                 "evokes behaviour that makes it come true, illustrated by a run on a sound "
                 "bank and by racial prejudice.",
         keywords=f"{SOCIOLOGY}, self-fulfilling prophecy, expectations, prejudice, "
                  "самоздійснюване пророцтво, самосбывающееся пророчество"),
    work("Institutionalized organizations: Formal structure as myth and ceremony",
         ("John W. Meyer", "Brian Rowan"), 1977, "American Journal of Sociology",
         "10.1086/226550",
         summary="Argues that organisations adopt formal structures that mirror "
                 "institutionalised myths in their environment to gain legitimacy, and "
                 "decouple them from their actual work activities.",
         keywords=f"{SOCIOLOGY}, institutional theory, organizations, legitimacy, "
                  "інституціоналізм, институционализм"),
    work("Neighborhoods and violent crime: A multilevel study of collective efficacy",
         ("Robert J. Sampson", "Stephen W. Raudenbush", "Felton Earls"), 1997, "Science",
         "10.1126/science.277.5328.918",
         summary="A survey of Chicago neighbourhoods finds that collective efficacy, social "
                 "cohesion combined with willingness to intervene for the common good, is "
                 "associated with lower violence and mediates much of the effect of "
                 "concentrated disadvantage.",
         keywords=f"{SOCIOLOGY}, neighbourhoods, violent crime, collective efficacy, urban "
                  "sociology, злочинність, преступность, міська соціологія"),
    work("Doing gender", ("Candace West", "Don H. Zimmerman"), 1987, "Gender & Society",
         "10.1177/0891243287001002002",
         summary="Argues that gender is not a fixed property of individuals but a routine "
                 "accomplishment produced in everyday interaction, for which people are held "
                 "accountable.",
         keywords=f"{SOCIOLOGY}, gender, gender studies, interaction, гендер, гендерні "
                  "дослідження, гендерные исследования"),
    work("The Managed Heart: Commercialization of Human Feeling", ("Arlie Russell Hochschild",),
         1983, "University of California Press", None,
         summary="Studies flight attendants and bill collectors to show how service jobs "
                 "require emotional labour, managing one's own feelings to create a publicly "
                 "observable display, and what this costs workers.",
         keywords=f"{SOCIOLOGY}, emotional labour, service work, emotions, sociology of work, "
                  "емоційна праця, эмоциональный труд"),
)
