"""Linguistics: grammar, conversation and pragmatics, sociolinguistics, language learning and
computational linguistics."""

from adapters.sources.catalogue.entry import work

LINGUISTICS = ("linguistics, лінгвістика, мовознавство, лингвистика, языкознание, "
               "linguistica, language, мова, язык, lingua")
NLP = ("natural language processing, NLP, обробка природної мови, обработка естественного "
       "языка, computational linguistics, комп'ютерна лінгвістика, компьютерная лингвистика")

LINGUISTICS_WORKS = (
    work("Three models for the description of language", ("Noam Chomsky",), 1956,
         "IRE Transactions on Information Theory", "10.1109/TIT.1956.1056813",
         summary="Compares finite-state, phrase-structure and transformational models of "
                 "grammar and argues that finite-state models cannot describe English, "
                 "motivating transformational grammar; the paper underlies the Chomsky "
                 "hierarchy.",
         keywords=f"{LINGUISTICS}, syntax, generative grammar, formal grammars, Chomsky "
                  "hierarchy, синтаксис, граматика, грамматика"),
    work("A simplest systematics for the organization of turn-taking for conversation",
         ("Harvey Sacks", "Emanuel A. Schegloff", "Gail Jefferson"), 1974, "Language",
         "10.2307/412243",
         summary="Proposes a model of how speakers in conversation allocate turns, through "
                 "turn-constructional units and rules for selecting the next speaker, that "
                 "accounts for minimal gap and overlap. It founded conversation analysis.",
         keywords=f"{LINGUISTICS}, conversation analysis, turn-taking, discourse, "
                  "pragmatics, дискурс, аналіз розмови, конверсационный анализ"),
    work("Logic and conversation", ("H. Paul Grice",), 1975,
         "Syntax and Semantics, Volume 3: Speech Acts", None,
         summary="Introduces the cooperative principle and its maxims of quantity, quality, "
                 "relation and manner, and explains conversational implicature: what "
                 "speakers mean beyond what they literally say.",
         keywords=f"{LINGUISTICS}, pragmatics, implicature, cooperative principle, "
                  "прагматика, імплікатура, импликатура"),
    work("Politeness: Some Universals in Language Usage",
         ("Penelope Brown", "Stephen C. Levinson"), 1987, "Cambridge University Press",
         "10.1017/CBO9780511813085",
         summary="Develops a theory of linguistic politeness based on face, the public "
                 "self-image speakers want to maintain, and compares the strategies for "
                 "mitigating face-threatening acts in English, Tamil and Tzeltal.",
         keywords=f"{LINGUISTICS}, politeness, pragmatics, face, ввічливість, вежливость, "
                  "cross-cultural communication, міжкультурна комунікація"),
    work("The social motivation of a sound change", ("William Labov",), 1963, "Word",
         "10.1080/00437956.1963.11659799",
         summary="Shows on Martha's Vineyard that the centralisation of the diphthongs in "
                 "words like right and house was spreading among islanders who identified "
                 "with the island against summer visitors, linking sound change to social "
                 "meaning.",
         keywords=f"{LINGUISTICS}, sociolinguistics, language change, phonetics, "
                  "соціолінгвістика, социолингвистика, фонетика"),
    work("Linguistic interdependence and the educational development of bilingual children",
         ("Jim Cummins",), 1979, "Review of Educational Research",
         "10.3102/00346543049002222",
         summary="Proposes that academic proficiency in a second language depends partly on "
                 "proficiency already reached in the first (the interdependence hypothesis) "
                 "and that bilingual children need a threshold of competence in both.",
         keywords=f"{LINGUISTICS}, bilingualism, bilingual education, second language, "
                  "білінгвізм, билингвизм, двомовність, двуязычие"),
    work("Principles and Practice in Second Language Acquisition", ("Stephen D. Krashen",),
         1982, "Pergamon Press", None,
         summary="Presents the monitor model of second language acquisition: acquisition "
                 "differs from learning, comprehensible input drives acquisition, and an "
                 "affective filter can block it, with implications for language teaching.",
         keywords=f"{LINGUISTICS}, second language acquisition, language teaching, foreign "
                  "languages, comprehensible input, іноземні мови, иностранные языки, "
                  "викладання мов, преподавание языков"),
    work("Human Behavior and the Principle of Least Effort", ("George Kingsley Zipf",), 1949,
         "Addison-Wesley", None,
         summary="Argues that human behaviour, including language, is shaped by a principle "
                 "of least effort, and documents the rank-frequency law of words now called "
                 "Zipf's law.",
         keywords=f"{LINGUISTICS}, Zipf's law, word frequency, quantitative linguistics, "
                  "закон Ципфа, частотність слів"),
    work("BLEU: a method for automatic evaluation of machine translation",
         ("Kishore Papineni", "Salim Roukos", "Todd Ward", "Wei-Jing Zhu"), 2002,
         "Proceedings of the 40th Annual Meeting of the Association for Computational "
         "Linguistics", "10.3115/1073083.1073135",
         summary="Proposes BLEU, an automatic measure of machine translation quality based "
                 "on modified n-gram precision against reference translations with a brevity "
                 "penalty, which correlates well with human judgements.",
         keywords=f"{LINGUISTICS}, {NLP}, machine translation, evaluation, BLEU, машинний "
                  "переклад, машинный перевод, переклад, перевод"),
    work("Efficient estimation of word representations in vector space",
         ("Tomas Mikolov", "Kai Chen", "Greg Corrado", "Jeffrey Dean"), 2013, "arXiv",
         "10.48550/arXiv.1301.3781",
         summary="Introduces the continuous bag-of-words and skip-gram models (word2vec) for "
                 "learning word vectors from large corpora cheaply, and shows that the "
                 "vectors capture syntactic and semantic regularities.",
         keywords=f"{LINGUISTICS}, {NLP}, word embeddings, word2vec, distributional "
                  "semantics, семантика"),
    work("GloVe: Global vectors for word representation",
         ("Jeffrey Pennington", "Richard Socher", "Christopher Manning"), 2014,
         "Proceedings of the 2014 Conference on Empirical Methods in Natural Language "
         "Processing (EMNLP)", "10.3115/v1/D14-1162",
         summary="Presents GloVe, a log-bilinear model that learns word vectors from global "
                 "word co-occurrence counts and performs well on word analogy, similarity "
                 "and named-entity tasks.",
         keywords=f"{LINGUISTICS}, {NLP}, word embeddings, word vectors, semantics"),
    work("BERT: Pre-training of deep bidirectional transformers for language understanding",
         ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"), 2019,
         "Proceedings of the 2019 Conference of the North American Chapter of the Association "
         "for Computational Linguistics: Human Language Technologies",
         "10.18653/v1/N19-1423",
         summary="Introduces BERT, a Transformer encoder pre-trained on unlabelled text by "
                 "predicting masked words and next sentences, which fine-tuned with one "
                 "extra layer set new results on eleven language-understanding tasks.",
         keywords=f"{LINGUISTICS}, {NLP}, language models, transformers, pre-training, "
                  "мовні моделі, языковые модели, штучний інтелект"),
)
