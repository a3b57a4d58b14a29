"""Medicine, biology and public health: causation, trials and reviews, survival analysis,
health behaviour and the social determinants of health."""

from adapters.sources.catalogue.entry import work

MEDICINE = "medicine, медицина, medicina, clinical research, клінічні дослідження"
PUBLIC_HEALTH = ("public health, громадське здоров'я, общественное здравоохранение, "
                 "охорона здоров'я, здравоохранение, salute pubblica, epidemiology, "
                 "епідеміологія, эпидемиология")

MEDICINE_WORKS = (
    work("Molecular structure of nucleic acids: A structure for deoxyribose nucleic acid",
         ("James D. Watson", "Francis H. C. Crick"), 1953, "Nature", "10.1038/171737a0",
         summary="Proposes the double-helix structure of DNA: two helical chains wound round "
                 "a common axis, held together by specific pairing of the bases, a pairing "
                 "that suggests a copying mechanism for genetic material.",
         keywords="biology, genetics, DNA, molecular biology, біологія, биология, генетика, "
                  "ДНК, double helix"),
    work("Smoking and carcinoma of the lung: Preliminary report",
         ("Richard Doll", "A. Bradford Hill"), 1950, "British Medical Journal",
         "10.1136/bmj.2.4682.739",
         summary="A case-control study of patients in London hospitals finds that lung "
                 "cancer patients were far more often heavy smokers than controls, and "
                 "concludes that smoking is an important factor in the cause of the "
                 "disease.",
         keywords=f"{MEDICINE}, {PUBLIC_HEALTH}, smoking, lung cancer, case-control study, "
                  "куріння, курение, рак легенів, рак легких, oncology"),
    work("The environment and disease: Association or causation?", ("Austin Bradford Hill",),
         1965, "Proceedings of the Royal Society of Medicine", "10.1177/003591576505800503",
         summary="Sets out the aspects of an observed association to weigh before inferring "
                 "causation, among them strength, consistency, specificity, temporality, "
                 "biological gradient, plausibility and experiment: the Bradford Hill "
                 "criteria.",
         keywords=f"{MEDICINE}, {PUBLIC_HEALTH}, causation, causal inference, occupational "
                  "health, причинність, причинность"),
    work("Evidence based medicine: what it is and what it isn't",
         ("David L. Sackett", "William M. C. Rosenberg", "J. A. Muir Gray", "R. Brian Haynes",
          "W. Scott Richardson"), 1996, "BMJ", "10.1136/bmj.312.7023.71",
         summary="Defines evidence based medicine as the conscientious, explicit and "
                 "judicious use of the current best evidence in decisions about individual "
                 "patients, integrating clinical expertise with research evidence, and "
                 "answers common criticisms.",
         keywords=f"{MEDICINE}, evidence-based medicine, clinical decision making, доказова "
                  "медицина, доказательная медицина"),
    work("CONSORT 2010 statement: updated guidelines for reporting parallel group randomised "
         "trials", ("Kenneth F. Schulz", "Douglas G. Altman", "David Moher"), 2010, "BMJ",
         "10.1136/bmj.c332",
         summary="Updates the CONSORT statement, a 25-item checklist and flow diagram for "
                 "reporting randomised controlled trials completely and transparently.",
         keywords=f"{MEDICINE}, randomised controlled trials, clinical trials, reporting "
                  "guidelines, рандомізовані дослідження, рандомизированные исследования"),
    work("Meta-analysis in clinical trials", ("Rebecca DerSimonian", "Nan Laird"), 1986,
         "Controlled Clinical Trials", "10.1016/0197-2456(86)90046-2",
         summary="Proposes a random-effects approach to combining the results of several "
                 "clinical trials that allows treatment effects to vary between studies, with "
                 "a simple estimator of the between-study variance.",
         keywords=f"{MEDICINE}, meta-analysis, random effects, clinical trials, метааналіз, "
                  "метаанализ"),
    work("Quantifying heterogeneity in a meta-analysis",
         ("Julian P. T. Higgins", "Simon G. Thompson"), 2002, "Statistics in Medicine",
         "10.1002/sim.1186",
         summary="Proposes measures of heterogeneity between studies in a meta-analysis that "
                 "do not depend on the number of studies, notably I squared, the proportion "
                 "of total variation due to heterogeneity.",
         keywords=f"{MEDICINE}, meta-analysis, heterogeneity, I2, systematic reviews, "
                  "метааналіз, метаанализ"),
    work("Nonparametric estimation from incomplete observations",
         ("Edward L. Kaplan", "Paul Meier"), 1958,
         "Journal of the American Statistical Association", "10.1080/01621459.1958.10501452",
         summary="Derives the product-limit estimator of a survival distribution from "
                 "lifetimes some of which are censored, now known as the Kaplan-Meier "
                 "estimator.",
         keywords=f"{MEDICINE}, survival analysis, Kaplan-Meier, censored data, statistics, "
                  "аналіз виживаності, анализ выживаемости"),
    work("Regression models and life-tables", ("David R. Cox",), 1972,
         "Journal of the Royal Statistical Society: Series B (Methodological)",
         "10.1111/j.2517-6161.1972.tb00899.x",
         summary="Introduces the proportional hazards regression model for censored survival "
                 "data, in which covariates multiply an unspecified baseline hazard, and a "
                 "conditional likelihood for estimating their effects.",
         keywords=f"{MEDICINE}, survival analysis, Cox regression, proportional hazards, "
                  "statistics, регресія Кокса, регрессия Кокса"),
    work("Statistical methods for assessing agreement between two methods of clinical "
         "measurement", ("J. Martin Bland", "Douglas G. Altman"), 1986, "The Lancet",
         "10.1016/S0140-6736(86)90837-8",
         summary="Argues that correlation is inappropriate for comparing two methods of "
                 "clinical measurement and proposes plotting their differences against their "
                 "means with limits of agreement, the Bland-Altman plot.",
         keywords=f"{MEDICINE}, method comparison, agreement, clinical measurement, "
                  "statistics"),
    work("A new method of classifying prognostic comorbidity in longitudinal studies: "
         "Development and validation",
         ("Mary E. Charlson", "Peter Pompei", "Kathy L. Ales", "C. Ronald MacKenzie"), 1987,
         "Journal of Chronic Diseases", "10.1016/0021-9681(87)90171-8",
         summary="Develops a weighted index of comorbid conditions that predicts one-year "
                 "mortality of medical patients and validates it in a cohort of breast "
                 "cancer patients: the Charlson comorbidity index.",
         keywords=f"{MEDICINE}, comorbidity, prognosis, mortality, chronic disease, "
                  "коморбідність, коморбидность"),
    work("The need for a new medical model: A challenge for biomedicine", ("George L. Engel",),
         1977, "Science", "10.1126/science.847460",
         summary="Criticises the biomedical model of disease for leaving out the patient's "
                 "psychological and social circumstances and proposes a biopsychosocial "
                 "model for medicine and psychiatry.",
         keywords=f"{MEDICINE}, biopsychosocial model, psychiatry, health psychology, "
                  "біопсихосоціальна модель, биопсихосоциальная модель"),
    work("The PHQ-9: Validity of a brief depression severity measure",
         ("Kurt Kroenke", "Robert L. Spitzer", "Janet B. W. Williams"), 2001,
         "Journal of General Internal Medicine", "10.1046/j.1525-1497.2001.016009606.x",
         summary="Validates the nine-item depression module of the Patient Health "
                 "Questionnaire in primary care and obstetrics patients as a reliable "
                 "measure of depression severity and a screen for major depression.",
         keywords=f"{MEDICINE}, depression, PHQ-9, screening, mental health, psychiatry, "
                  "депресія, депрессия, психічне здоров'я, психическое здоровье"),
    work("A brief measure for assessing generalized anxiety disorder: The GAD-7",
         ("Robert L. Spitzer", "Kurt Kroenke", "Janet B. W. Williams", "Bernd Löwe"), 2006,
         "Archives of Internal Medicine", "10.1001/archinte.166.10.1092",
         summary="Develops and validates the GAD-7, a seven-item scale that identifies "
                 "probable generalised anxiety disorder in primary care and measures its "
                 "severity.",
         keywords=f"{MEDICINE}, anxiety, GAD-7, screening, mental health, тривожність, "
                  "тревожность, психічне здоров'я, психическое здоровье"),
    work("Health inequalities among British civil servants: the Whitehall II study",
         ("M. G. Marmot", "G. Davey Smith", "S. Stansfeld", "C. Patel", "F. North", "J. Head",
          "I. White", "E. Brunner", "A. Feeney"), 1991, "The Lancet",
         "10.1016/0140-6736(91)93068-K",
         summary="Studies over ten thousand London civil servants and finds an inverse "
                 "gradient between employment grade and disease and risk factors, with "
                 "lower grades reporting less control at work, among other adverse "
                 "conditions.",
         keywords=f"{MEDICINE}, {PUBLIC_HEALTH}, health inequalities, social gradient, "
                  "occupational health, нерівність у здоров'ї, неравенство в здоровье"),
    work("Social relationships and mortality risk: A meta-analytic review",
         ("Julianne Holt-Lunstad", "Timothy B. Smith", "J. Bradley Layton"), 2010,
         "PLoS Medicine", "10.1371/journal.pmed.1000316",
         summary="A meta-analysis of 148 studies finds that people with stronger social "
                 "relationships had about 50 per cent greater likelihood of survival over the "
                 "follow-up periods, an effect comparable to well-known risk factors.",
         keywords=f"{MEDICINE}, {PUBLIC_HEALTH}, social relationships, loneliness, mortality, "
                  "самотність, одиночество, соціальні зв'язки, социальные связи"),
    work("Historical origins of the health belief model", ("Irwin M. Rosenstock",), 1974,
         "Health Education Monographs", "10.1177/109019817400200403",
         summary="Traces the health belief model to US Public Health Service research in the "
                 "1950s on why people did not take up screening: action depends on perceived "
                 "susceptibility, severity, benefits, barriers and cues to action.",
         keywords=f"{PUBLIC_HEALTH}, health belief model, health behaviour, health "
                  "education, prevention, профілактика, профилактика"),
    work("Revisiting the behavioral model and access to medical care: Does it matter?",
         ("Ronald M. Andersen",), 1995, "Journal of Health and Social Behavior",
         "10.2307/2137284",
         summary="Reviews the evolution of Andersen's behavioural model of health services "
                 "use, in which predisposing, enabling and need factors explain access to "
                 "care, and discusses measuring equitable and effective access.",
         keywords=f"{PUBLIC_HEALTH}, access to health care, health services, health "
                  "policy, доступ до медичної допомоги, доступ к медицинской помощи"),
    work("The social determinants of health: It's time to consider the causes of the causes",
         ("Paula Braveman", "Laura Gottlieb"), 2014, "Public Health Reports",
         "10.1177/00333549141291S206",
         summary="Reviews the evidence that social and economic conditions such as income, "
                 "education, neighbourhoods and work shape health, and the pathways through "
                 "which they act.",
         keywords=f"{PUBLIC_HEALTH}, social determinants of health, health inequalities, "
                  "poverty, соціальні детермінанти здоров'я, социальные детерминанты "
                  "здоровья"),
)
