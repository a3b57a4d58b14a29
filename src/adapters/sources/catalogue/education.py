"""Education: learning, teaching, assessment and educational technology."""

from adapters.sources.catalogue.entry import work

EDUCATION = ("education, освіта, образование, istruzione, learning, навчання, обучение, "
             "teaching, викладання, преподавание, педагогіка, педагогика, pedagogy")

EDUCATION_WORKS = (
    work("Cognitive load during problem solving: Effects on learning", ("John Sweller",),
         1988, "Cognitive Science", "10.1207/s15516709cog1202_4",
         summary="Argues that means-ends problem solving imposes a heavy load on limited "
                 "working memory that interferes with acquiring problem schemas, so "
                 "conventional problem practice can be an inefficient way to learn. It is "
                 "the origin of cognitive load theory.",
         keywords=f"{EDUCATION}, cognitive load theory, working memory, problem solving, "
                  "instructional design, когнітивне навантаження, когнитивная нагрузка"),
    work("Why minimal guidance during instruction does not work: An analysis of the failure "
         "of constructivist, discovery, problem-based, experiential, and inquiry-based "
         "teaching", ("Paul A. Kirschner", "John Sweller", "Richard E. Clark"), 2006,
         "Educational Psychologist", "10.1207/s15326985ep4102_1",
         summary="Reviews evidence from cognitive architecture and controlled studies that, "
                 "for novice learners, minimally guided instruction is less effective and "
                 "efficient than direct, strongly guided instruction such as worked "
                 "examples.",
         keywords=f"{EDUCATION}, direct instruction, constructivism, discovery learning, "
                  "problem-based learning, інструкція, методика навчання, методика "
                  "обучения"),
    work("Assessment and classroom learning", ("Paul Black", "Dylan Wiliam"), 1998,
         "Assessment in Education: Principles, Policy & Practice", "10.1080/0969595980050102",
         summary="Reviews about 250 studies of formative assessment and concludes that "
                 "improving the feedback teachers give and students' self-assessment raises "
                 "achievement substantially, especially for lower-attaining students.",
         keywords=f"{EDUCATION}, formative assessment, assessment, feedback, оцінювання, "
                  "оценивание, формувальне оцінювання, valutazione"),
    work("The power of feedback", ("John Hattie", "Helen Timperley"), 2007,
         "Review of Educational Research", "10.3102/003465430298487",
         summary="Synthesises meta-analyses showing that feedback is among the strongest "
                 "influences on learning, and proposes a model in which effective feedback "
                 "answers where am I going, how am I going and where to next, at the task, "
                 "process, self-regulation and self levels.",
         keywords=f"{EDUCATION}, feedback, assessment, achievement, зворотний зв'язок, "
                  "обратная связь"),
    work("The 2 sigma problem: The search for methods of group instruction as effective as "
         "one-to-one tutoring", ("Benjamin S. Bloom",), 1984, "Educational Researcher",
         "10.3102/0013189X013006004",
         summary="Reports that students tutored one-to-one with mastery learning performed "
                 "about two standard deviations above conventionally taught classes, and "
                 "asks which combinations of methods could let group instruction approach "
                 "that effect.",
         keywords=f"{EDUCATION}, tutoring, mastery learning, instruction, репетиторство, "
                  "індивідуальне навчання"),
    work("Active learning increases student performance in science, engineering, and "
         "mathematics",
         ("Scott Freeman", "Sarah L. Eddy", "Miles McDonough", "Michelle K. Smith",
          "Nnadozie Okoroafor", "Hannah Jordt", "Mary Pat Wenderoth"), 2014,
         "Proceedings of the National Academy of Sciences", "10.1073/pnas.1319030111",
         summary="A meta-analysis of 225 studies of undergraduate STEM courses finds that "
                 "active learning raises examination scores by about half a standard "
                 "deviation and that students in traditional lectures are 1.5 times more "
                 "likely to fail.",
         keywords=f"{EDUCATION}, active learning, STEM, higher education, university, "
                  "лекції, лекции, вища освіта, высшее образование"),
    work("Those who understand: Knowledge growth in teaching", ("Lee S. Shulman",), 1986,
         "Educational Researcher", "10.3102/0013189X015002004",
         summary="Argues that research on teaching had neglected the content taught and "
                 "introduces pedagogical content knowledge, the knowledge of how to make a "
                 "subject understandable to learners, as central to teachers' expertise.",
         keywords=f"{EDUCATION}, pedagogical content knowledge, teacher education, teachers, "
                  "вчителі, учителя, підготовка вчителів, подготовка учителей"),
    work("Technological pedagogical content knowledge: A framework for teacher knowledge",
         ("Punya Mishra", "Matthew J. Koehler"), 2006, "Teachers College Record",
         "10.1111/j.1467-9620.2006.00684.x",
         summary="Extends Shulman's pedagogical content knowledge with technology and "
                 "proposes the TPACK framework: good teaching with technology draws on the "
                 "interplay of content, pedagogy and technology knowledge.",
         keywords=f"{EDUCATION}, TPACK, educational technology, teacher knowledge, digital "
                  "learning, цифрові технології в освіті, цифровые технологии в "
                  "образовании, e-learning"),
    work("Situated cognition and the culture of learning",
         ("John Seely Brown", "Allan Collins", "Paul Duguid"), 1989, "Educational Researcher",
         "10.3102/0013189X018001032",
         summary="Argues that knowledge is situated in the activity, context and culture in "
                 "which it is used, criticises school practices that treat it as abstract "
                 "and self-contained, and proposes cognitive apprenticeship as an "
                 "alternative.",
         keywords=f"{EDUCATION}, situated cognition, cognitive apprenticeship, learning "
                  "theory"),
    work("Improving students' learning with effective learning techniques: Promising "
         "directions from cognitive and educational psychology",
         ("John Dunlosky", "Katherine A. Rawson", "Elizabeth J. Marsh", "Mitchell J. Nathan",
          "Daniel T. Willingham"), 2013, "Psychological Science in the Public Interest",
         "10.1177/1529100612453266",
         summary="Evaluates ten learning techniques and rates practice testing and "
                 "distributed practice as highly useful, while highlighting, rereading and "
                 "summarisation are rated of low utility.",
         keywords=f"{EDUCATION}, learning techniques, study strategies, practice testing, "
                  "spaced practice, самостійна робота, самостоятельная работа"),
    work("Test-enhanced learning: Taking memory tests improves long-term retention",
         ("Henry L. Roediger III", "Jeffrey D. Karpicke"), 2006, "Psychological Science",
         "10.1111/j.1467-9280.2006.01693.x",
         summary="In two experiments students who took recall tests on prose passages "
                 "remembered more a week later than students who restudied them, although "
                 "restudying helped more on an immediate test: the testing effect.",
         keywords=f"{EDUCATION}, testing effect, retrieval practice, memory, пам'ять, память"),
    work("Becoming a self-regulated learner: An overview", ("Barry J. Zimmerman",), 2002,
         "Theory Into Practice", "10.1207/s15430421tip4102_2",
         summary="Describes self-regulated learning as a cyclical process of forethought, "
                 "performance and self-reflection, and explains how teachers can develop "
                 "these skills in students.",
         keywords=f"{EDUCATION}, self-regulated learning, metacognition, motivation, "
                  "саморегуляція, саморегуляция"),
    work("School engagement: Potential of the concept, state of the evidence",
         ("Jennifer A. Fredricks", "Phyllis C. Blumenfeld", "Alison H. Paris"), 2004,
         "Review of Educational Research", "10.3102/00346543074001059",
         summary="Reviews research on school engagement and distinguishes behavioural, "
                 "emotional and cognitive engagement, their antecedents in school and "
                 "classroom contexts, and their links to achievement.",
         keywords=f"{EDUCATION}, student engagement, school, motivation, школа, учні, "
                  "ученики, залученість"),
    work("The effectiveness of online and blended learning: A meta-analysis of the empirical "
         "literature", ("Barbara Means", "Yukie Toyama", "Robert Murphy", "Marianne Baki"),
         2013, "Teachers College Record", "10.1177/016146811311500307",
         summary="A meta-analysis of controlled studies finds that students in online "
                 "learning conditions performed modestly better than those in face-to-face "
                 "instruction, with the advantage largest for blended learning that combined "
                 "the two.",
         keywords=f"{EDUCATION}, online learning, blended learning, e-learning, distance "
                  "education, дистанційне навчання, дистанционное обучение, змішане "
                  "навчання, смешанное обучение, didattica a distanza"),
    work("Mind in Society: The Development of Higher Psychological Processes",
         ("L. S. Vygotsky",), 1978, "Harvard University Press", None,
         summary="A collection of Vygotsky's writings, edited and translated posthumously, "
                 "arguing that higher mental functions develop through social interaction "
                 "and cultural tools such as language, and introducing the zone of proximal "
                 "development.",
         keywords=f"{EDUCATION}, zone of proximal development, sociocultural theory, child "
                  "development, Выготский, Виготський, зона ближайшего развития"),
)
