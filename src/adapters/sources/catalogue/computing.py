"""Computer science: algorithms, data, systems, security and software engineering."""

from adapters.sources.catalogue.entry import work

COMPUTING = (
    work("A relational model of data for large shared data banks", ("Edgar F. Codd",), 1970,
         "Communications of the ACM", "10.1145/362384.362685",
         summary="Proposes the relational model of data: information held as relations "
                 "(tables) manipulated by a relational algebra, independent of how it is "
                 "stored. It is the foundation of relational database systems and SQL.",
         keywords="databases, relational model, data management, SQL, бази даних, базы "
                  "данных, реляційна модель, реляционная модель, basi di dati"),
    work("A note on two problems in connexion with graphs", ("Edsger W. Dijkstra",), 1959,
         "Numerische Mathematik", "10.1007/BF01386390",
         summary="Gives two graph algorithms: one for the minimum spanning tree and one for "
                 "the shortest paths from a node to all others in a graph with non-negative "
                 "edge lengths. The second is Dijkstra's algorithm, used in routing and "
                 "navigation.",
         keywords="algorithms, graphs, shortest path, graph theory, routing, алгоритми, "
                  "алгоритмы, графи, графы, найкоротший шлях, кратчайший путь"),
    work("Go To statement considered harmful", ("Edsger W. Dijkstra",), 1968,
         "Communications of the ACM", "10.1145/362929.362947",
         summary="A short letter arguing that unrestricted go to statements make programs "
                 "hard to understand, because the program text no longer mirrors the process "
                 "it describes. It became a manifesto of structured programming.",
         keywords="programming, structured programming, programming languages, software "
                  "engineering, програмування, программирование"),
    work("On the criteria to be used in decomposing systems into modules",
         ("David L. Parnas",), 1972, "Communications of the ACM", "10.1145/361598.361623",
         summary="Compares two decompositions of one program and argues that modules should "
                 "hide design decisions likely to change rather than follow the steps of "
                 "processing. The paper introduced information hiding as the basis of "
                 "modular design.",
         keywords="software engineering, modularity, information hiding, software design, "
                  "software architecture, програмна інженерія, программная инженерия, "
                  "архітектура, архитектура"),
    work("Time, clocks, and the ordering of events in a distributed system",
         ("Leslie Lamport",), 1978, "Communications of the ACM", "10.1145/359545.359563",
         summary="Defines the happened-before relation between events in a distributed "
                 "system and logical clocks that respect it, giving a total ordering of "
                 "events without synchronised physical clocks. It applies the ordering to "
                 "mutual exclusion and to bounding the drift of physical clocks.",
         keywords="distributed systems, logical clocks, concurrency, synchronisation, "
                  "розподілені системи, распределенные системы, sistemi distribuiti"),
    work("MapReduce: simplified data processing on large clusters",
         ("Jeffrey Dean", "Sanjay Ghemawat"), 2008, "Communications of the ACM",
         "10.1145/1327452.1327492",
         summary="Describes MapReduce, Google's programming model for processing large data "
                 "sets: users write a map and a reduce function, and the runtime parallelises "
                 "them over a cluster, handling partitioning, scheduling and machine "
                 "failures.",
         keywords="big data, distributed computing, cluster computing, data processing, "
                  "великі дані, большие данные, parallel computing, хмарні обчислення"),
    work("A method for obtaining digital signatures and public-key cryptosystems",
         ("Ronald L. Rivest", "Adi Shamir", "Leonard Adleman"), 1978,
         "Communications of the ACM", "10.1145/359340.359342",
         summary="Presents the RSA public-key cryptosystem, whose security rests on the "
                 "difficulty of factoring the product of two large primes. It shows how the "
                 "same keys provide both encryption and digital signatures.",
         keywords="cryptography, public-key cryptography, RSA, digital signatures, security, "
                  "криптографія, криптография, кібербезпека, кибербезопасность, "
                  "information security"),
    work("New directions in cryptography", ("Whitfield Diffie", "Martin E. Hellman"), 1976,
         "IEEE Transactions on Information Theory", "10.1109/TIT.1976.1055638",
         summary="Introduces public-key cryptography and the Diffie-Hellman key exchange, by "
                 "which two parties agree on a shared secret over a public channel. It also "
                 "proposes digital signatures based on one-way functions.",
         keywords="cryptography, key exchange, public-key cryptography, security, "
                  "криптографія, криптография, захист інформації, защита информации"),
    work("The complexity of theorem-proving procedures", ("Stephen A. Cook",), 1971,
         "Proceedings of the Third Annual ACM Symposium on Theory of Computing",
         "10.1145/800157.805047",
         summary="Shows that every problem solvable by a nondeterministic machine in "
                 "polynomial time reduces to deciding whether a propositional formula is "
                 "satisfiable. The result defines NP-completeness and poses the P versus NP "
                 "question.",
         keywords="computational complexity, NP-completeness, satisfiability, theory of "
                  "computation, складність обчислень, сложность вычислений, P vs NP"),
    work("The anatomy of a large-scale hypertextual Web search engine",
         ("Sergey Brin", "Lawrence Page"), 1998, "Computer Networks and ISDN Systems",
         "10.1016/S0169-7552(98)00110-X",
         summary="Describes the design of the Google prototype search engine, including its "
                 "crawler, index and the PageRank measure of page importance derived from "
                 "the link structure of the Web.",
         keywords="web search, search engines, information retrieval, PageRank, internet, "
                  "пошукові системи, поисковые системы, інформаційний пошук"),
    work("Perceived usefulness, perceived ease of use, and user acceptance of information "
         "technology", ("Fred D. Davis",), 1989, "MIS Quarterly", "10.2307/249008",
         summary="Develops and validates scales for two beliefs that predict whether people "
                 "adopt an information technology: perceived usefulness and perceived ease "
                 "of use. This is the technology acceptance model (TAM).",
         keywords="technology acceptance model, TAM, information systems, technology "
                  "adoption, user acceptance, інформаційні системи, информационные системы, "
                  "digital transformation, цифровізація"),
    work("User acceptance of information technology: Toward a unified view",
         ("Viswanath Venkatesh", "Michael G. Morris", "Gordon B. Davis", "Fred D. Davis"),
         2003, "MIS Quarterly", "10.2307/30036540",
         summary="Compares eight models of technology acceptance and unifies them into UTAUT, "
                 "in which performance expectancy, effort expectancy, social influence and "
                 "facilitating conditions explain the intention to use and actual use of a "
                 "technology.",
         keywords="technology acceptance, UTAUT, information systems, technology adoption, "
                  "інформаційні технології, информационные технологии, digitalisation"),
)
