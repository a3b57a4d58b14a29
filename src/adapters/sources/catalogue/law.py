"""Law: jurisprudence, privacy, property and liability, law and economics, law and
society."""

from adapters.sources.catalogue.entry import work

LAW = "law, право, правознавство, правоведение, diritto, legal theory, юриспруденція"

LAW_WORKS = (
    work("The path of the law", ("Oliver Wendell Holmes Jr.",), 1897, "Harvard Law Review",
         "10.2307/1322028",
         summary="An address arguing that law should be understood as a prediction of what "
                 "courts will in fact do, seen from the standpoint of the bad man who cares "
                 "only about consequences, and that it should be kept apart from morality.",
         keywords=f"{LAW}, legal realism, jurisprudence, philosophy of law, courts, філософія "
                  "права, философия права"),
    work("Positivism and the separation of law and morals", ("H. L. A. Hart",), 1958,
         "Harvard Law Review", "10.2307/1338225",
         summary="Defends the legal positivist thesis that what the law is and what it ought "
                 "to be are separate questions, against critics who blamed positivism for "
                 "the abuses of Nazi law.",
         keywords=f"{LAW}, legal positivism, jurisprudence, morality, Hart-Fuller debate, "
                  "позитивізм, позитивизм, мораль"),
    work("Positivism and fidelity to law: A reply to Professor Hart", ("Lon L. Fuller",), 1958,
         "Harvard Law Review", "10.2307/1338226",
         summary="Replies to Hart that law has an inner morality, so that a system that "
                 "grossly violates it, as the Nazi regime did, may not deserve fidelity as "
                 "law.",
         keywords=f"{LAW}, natural law, legal positivism, rule of law, Hart-Fuller debate, "
                  "верховенство права, верховенство закона"),
    work("The model of rules", ("Ronald M. Dworkin",), 1967,
         "The University of Chicago Law Review", "10.2307/1598947",
         summary="Attacks Hart's positivism by arguing that law contains principles as well "
                 "as rules, and that judges deciding hard cases are bound by principles "
                 "rather than exercising discretion.",
         keywords=f"{LAW}, legal principles, judicial discretion, jurisprudence, legal "
                  "positivism, судова практика, судебная практика"),
    work("The right to privacy", ("Samuel D. Warren", "Louis D. Brandeis"), 1890,
         "Harvard Law Review", "10.2307/1321160",
         summary="Argues that the common law protects a general right to privacy, the right "
                 "to be let alone, against intrusions by the press and new technologies such "
                 "as instantaneous photography.",
         keywords=f"{LAW}, privacy, right to privacy, media law, приватність, "
                  "неприкосновенность частной жизни, персональні дані, privacy law"),
    work("A taxonomy of privacy", ("Daniel J. Solove",), 2006,
         "University of Pennsylvania Law Review", "10.2307/40041279",
         summary="Classifies privacy problems into four groups, information collection, "
                 "information processing, information dissemination and invasion, with "
                 "sixteen kinds of harm, to guide law and policy.",
         keywords=f"{LAW}, privacy, data protection, information privacy, захист персональних "
                  "даних, защита персональных данных, GDPR"),
    work("Property rules, liability rules, and inalienability: One view of the cathedral",
         ("Guido Calabresi", "A. Douglas Melamed"), 1972, "Harvard Law Review",
         "10.2307/1340059",
         summary="Proposes that legal entitlements can be protected by property rules, "
                 "liability rules or inalienability, and analyses when each is chosen on "
                 "grounds of efficiency, distribution and justice.",
         keywords=f"{LAW}, law and economics, property, tort law, entitlements, право "
                  "власності, право собственности"),
    work("The problem of social cost", ("Ronald H. Coase",), 1960,
         "The Journal of Law and Economics", "10.1086/466560",
         summary="Argues that harmful effects are reciprocal and that, without transaction "
                 "costs, bargaining leads to an efficient outcome whatever the legal "
                 "liability rule; since transaction costs are positive, the law's assignment "
                 "of rights matters.",
         keywords=f"{LAW}, law and economics, externalities, Coase theorem, transaction "
                  "costs, економічний аналіз права, экономический анализ права"),
    work("Crime and punishment: An economic approach", ("Gary S. Becker",), 1968,
         "Journal of Political Economy", "10.1086/259394",
         summary="Models crime as a rational choice that responds to the probability and "
                 "severity of punishment, and derives the policies that minimise the social "
                 "loss from crime and from enforcing the law.",
         keywords=f"{LAW}, criminal law, crime, punishment, law and economics, criminology, "
                  "кримінальне право, уголовное право, злочинність, преступность"),
    work("Law and finance",
         ("Rafael La Porta", "Florencio Lopez-de-Silanes", "Andrei Shleifer",
          "Robert W. Vishny"), 1998, "Journal of Political Economy", "10.1086/250042",
         summary="Compares legal rules protecting shareholders and creditors in 49 countries "
                 "and finds that common-law countries protect investors most and French "
                 "civil-law countries least, with consequences for ownership concentration.",
         keywords=f"{LAW}, corporate law, investor protection, legal origins, comparative "
                  "law, корпоративне право, корпоративное право, порівняльне право"),
    work("Why the \"haves\" come out ahead: Speculations on the limits of legal change",
         ("Marc Galanter",), 1974, "Law & Society Review", "10.2307/3053023",
         summary="Argues that repeat players, typically organisations with resources and "
                 "experience of litigation, gain structural advantages over one-shotters, so "
                 "that changes in legal rules alone do little to redistribute power.",
         keywords=f"{LAW}, law and society, litigation, access to justice, courts, доступ до "
                  "правосуддя, доступ к правосудию"),
    work("Non-contractual relations in business: A preliminary study", ("Stewart Macaulay",),
         1963, "American Sociological Review", "10.2307/2090458",
         summary="Interviews with Wisconsin businessmen and lawyers show that firms often plan "
                 "exchanges loosely and settle disputes without relying on contract law, "
                 "preferring to preserve relationships and reputation.",
         keywords=f"{LAW}, contract law, business relationships, sociology of law, договірне "
                  "право, договорное право, контракти"),
)
