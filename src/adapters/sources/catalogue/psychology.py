"""Psychology: cognition, motivation, social behaviour, stress and mental-health measures."""

from adapters.sources.catalogue.entry import work

PSYCHOLOGY = "psychology, психологія, психология, psicologia"

PSYCHOLOGY_WORKS = (
    work("Judgment under uncertainty: Heuristics and biases",
         ("Amos Tversky", "Daniel Kahneman"), 1974, "Science", "10.1126/science.185.4157.1124",
         summary="Describes three heuristics people use to judge probabilities, "
                 "representativeness, availability, and adjustment from an anchor, and the "
                 "systematic, predictable biases each produces.",
         keywords=f"{PSYCHOLOGY}, heuristics, cognitive biases, judgment, decision making, "
                  "когнітивні упередження, когнитивные искажения, евристики, эвристики"),
    work("The magical number seven, plus or minus two: Some limits on our capacity for "
         "processing information", ("George A. Miller",), 1956, "Psychological Review",
         "10.1037/h0043158",
         summary="Observes that people can distinguish about seven categories in absolute "
                 "judgments and hold about seven items in immediate memory, and explains how "
                 "recoding information into chunks extends these limits.",
         keywords=f"{PSYCHOLOGY}, short-term memory, working memory, chunking, cognition, "
                  "пам'ять, память, когнітивна психологія, когнитивная психология"),
    work("Self-efficacy: Toward a unifying theory of behavioral change", ("Albert Bandura",),
         1977, "Psychological Review", "10.1037/0033-295X.84.2.191",
         summary="Proposes that psychological treatments work by creating and strengthening "
                 "expectations of personal efficacy, which are drawn from performance "
                 "accomplishments, vicarious experience, verbal persuasion and physiological "
                 "states.",
         keywords=f"{PSYCHOLOGY}, self-efficacy, behaviour change, social cognitive theory, "
                  "motivation, самоефективність, самоэффективность"),
    work("The theory of planned behavior", ("Icek Ajzen",), 1991,
         "Organizational Behavior and Human Decision Processes",
         "10.1016/0749-5978(91)90020-T",
         summary="Presents the theory of planned behaviour: intentions, formed from attitudes, "
                 "subjective norms and perceived behavioural control, predict behaviour, and "
                 "reviews the evidence supporting it.",
         keywords=f"{PSYCHOLOGY}, theory of planned behaviour, attitudes, intentions, social "
                  "psychology, теорія запланованої поведінки, теория запланированного "
                  "поведения"),
    work("Self-determination theory and the facilitation of intrinsic motivation, social "
         "development, and well-being", ("Richard M. Ryan", "Edward L. Deci"), 2000,
         "American Psychologist", "10.1037/0003-066X.55.1.68",
         summary="Summarises self-determination theory: intrinsic motivation and the "
                 "internalisation of extrinsic motivation flourish when the basic needs for "
                 "competence, autonomy and relatedness are satisfied, with consequences for "
                 "well-being.",
         keywords=f"{PSYCHOLOGY}, motivation, intrinsic motivation, self-determination "
                  "theory, well-being, мотивація, мотивация, добробут, благополучие"),
    work("A theory of human motivation", ("A. H. Maslow",), 1943, "Psychological Review",
         "10.1037/h0054346",
         summary="Proposes that human needs form a hierarchy, physiological, safety, love, "
                 "esteem and self-actualisation, in which higher needs emerge as lower ones "
                 "are satisfied.",
         keywords=f"{PSYCHOLOGY}, motivation, hierarchy of needs, needs, мотивація, мотивация, "
                  "піраміда потреб, пирамида потребностей"),
    work("A theory of social comparison processes", ("Leon Festinger",), 1954,
         "Human Relations", "10.1177/001872675400700202",
         summary="Proposes that people evaluate their opinions and abilities by comparing "
                 "themselves with others, preferably with similar others, when objective "
                 "standards are lacking, and derives hypotheses about group behaviour.",
         keywords=f"{PSYCHOLOGY}, social comparison, social psychology, self-evaluation, "
                  "соціальна психологія, социальная психология"),
    work("Behavioral study of obedience", ("Stanley Milgram",), 1963,
         "Journal of Abnormal and Social Psychology", "10.1037/h0040525",
         summary="Reports an experiment in which most participants, instructed by an "
                 "experimenter, went on administering what they believed were increasingly "
                 "dangerous electric shocks to another person, showing how strongly people "
                 "obey authority.",
         keywords=f"{PSYCHOLOGY}, obedience, authority, social psychology, experiments, "
                  "підкорення, подчинение, авторитет"),
    work("Stress, social support, and the buffering hypothesis",
         ("Sheldon Cohen", "Thomas A. Wills"), 1985, "Psychological Bulletin",
         "10.1037/0033-2909.98.2.310",
         summary="Reviews studies of social support and well-being and concludes that "
                 "perceived availability of support buffers people against the effects of "
                 "stress, while social integration has a main effect regardless of stress.",
         keywords=f"{PSYCHOLOGY}, stress, social support, health psychology, coping, стрес, "
                  "стресс, соціальна підтримка, социальная поддержка"),
    work("Stress, Appraisal, and Coping", ("Richard S. Lazarus", "Susan Folkman"), 1984,
         "Springer", None,
         summary="Develops the transactional model of stress: stress arises from a person's "
                 "appraisal of demands against their resources, and coping, focused on the "
                 "problem or on emotion, shapes its outcomes.",
         keywords=f"{PSYCHOLOGY}, stress, coping, appraisal, стрес, стресс, копінг, "
                  "совладание"),
    work("Development and validation of brief measures of positive and negative affect: The "
         "PANAS scales", ("David Watson", "Lee Anna Clark", "Auke Tellegen"), 1988,
         "Journal of Personality and Social Psychology", "10.1037/0022-3514.54.6.1063",
         summary="Develops two ten-item mood scales, the Positive and Negative Affect "
                 "Schedule, and shows that they are reliable, largely uncorrelated and valid "
                 "across time frames and samples.",
         keywords=f"{PSYCHOLOGY}, affect, emotions, mood, PANAS, questionnaire, емоції, "
                  "эмоции, опитувальник, опросник"),
    work("The measurement of experienced burnout", ("Christina Maslach", "Susan E. Jackson"),
         1981, "Journal of Occupational Behaviour", "10.1002/job.4030020205",
         summary="Develops the Maslach Burnout Inventory for people-oriented professions, "
                 "measuring emotional exhaustion, depersonalisation and personal "
                 "accomplishment, and reports its reliability and validity.",
         keywords=f"{PSYCHOLOGY}, burnout, occupational stress, work psychology, вигорання, "
                  "выгорание, професійне вигорання, профессиональное выгорание"),
    work("The moderator-mediator variable distinction in social psychological research: "
         "Conceptual, strategic, and statistical considerations",
         ("Reuben M. Baron", "David A. Kenny"), 1986,
         "Journal of Personality and Social Psychology", "10.1037/0022-3514.51.6.1173",
         summary="Distinguishes moderators, which change the strength or direction of a "
                 "relation, from mediators, which transmit an effect, and gives the "
                 "regression steps long used to test each.",
         keywords=f"{PSYCHOLOGY}, mediation, moderation, research methods, statistics, "
                  "медіація, медиация, модерація"),
    work("Common method biases in behavioral research: A critical review of the literature "
         "and recommended remedies",
         ("Philip M. Podsakoff", "Scott B. MacKenzie", "Jeong-Yeon Lee",
          "Nathan P. Podsakoff"), 2003, "Journal of Applied Psychology",
         "10.1037/0021-9010.88.5.879",
         summary="Reviews how measuring variables with the same method, such as one "
                 "questionnaire, can bias relations between them, and recommends procedural "
                 "and statistical remedies.",
         keywords=f"{PSYCHOLOGY}, common method bias, survey research, questionnaires, "
                  "research methods, анкетування, анкетирование"),
)
