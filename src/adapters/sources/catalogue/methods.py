"""Research methods and statistics shared by the sciences: qualitative and mixed methods,
reviews, measurement and inference."""

from adapters.sources.catalogue.entry import work

METHODS = ("research methods, research methodology, методологія дослідження, методология "
           "исследования, metodologia della ricerca")
QUALITATIVE = "qualitative research, якісні дослідження, качественные исследования"
STATISTICS = "statistics, статистика, statistica"

METHODS_WORKS = (
    work("Using thematic analysis in psychology", ("Virginia Braun", "Victoria Clarke"), 2006,
         "Qualitative Research in Psychology", "10.1191/1478088706qp063oa",
         summary="Sets out thematic analysis as a flexible qualitative method for identifying "
                 "patterns of meaning in data and gives a six-phase guide: familiarisation, "
                 "coding, searching for, reviewing, defining and naming themes, and writing "
                 "up.",
         keywords=f"{METHODS}, {QUALITATIVE}, thematic analysis, interviews, coding, "
                  "тематичний аналіз, тематический анализ"),
    work("Mixed methods research: A research paradigm whose time has come",
         ("R. Burke Johnson", "Anthony J. Onwuegbuzie"), 2004, "Educational Researcher",
         "10.3102/0013189X033007014",
         summary="Argues for mixed methods research, combining quantitative and qualitative "
                 "approaches in one study on pragmatist grounds, and describes its "
                 "strengths, weaknesses and designs.",
         keywords=f"{METHODS}, mixed methods, qualitative, quantitative, pragmatism, змішані "
                  "методи, смешанные методы"),
    work("Building theories from case study research", ("Kathleen M. Eisenhardt",), 1989,
         "Academy of Management Review", "10.5465/amr.1989.4308385",
         summary="Describes a roadmap for building theory from multiple case studies, from "
                 "case selection and data collection to within-case and cross-case analysis, "
                 "shaping hypotheses and comparison with the literature.",
         keywords=f"{METHODS}, {QUALITATIVE}, case study, theory building, кейс-стаді, "
                  "метод кейсів, кейс-метод"),
    work("How many interviews are enough? An experiment with data saturation and variability",
         ("Greg Guest", "Arwen Bunce", "Laura Johnson"), 2006, "Field Methods",
         "10.1177/1525822X05279903",
         summary="Analyses sixty interviews and finds that, for a fairly homogeneous group, "
                 "data saturation was reached within the first twelve interviews, with "
                 "basic themes present after six.",
         keywords=f"{METHODS}, {QUALITATIVE}, interviews, sample size, data saturation, "
                  "інтерв'ю, интервью, вибірка, выборка"),
    work("Preferred reporting items for systematic reviews and meta-analyses: "
         "the PRISMA statement",
         ("David Moher", "Alessandro Liberati", "Jennifer Tetzlaff", "Douglas G. Altman",
          "The PRISMA Group"), 2009, "PLoS Medicine", "10.1371/journal.pmed.1000097",
         summary="Presents PRISMA, a 27-item checklist and a four-phase flow diagram for "
                 "reporting systematic reviews and meta-analyses transparently.",
         keywords=f"{METHODS}, systematic review, meta-analysis, reporting guidelines, "
                  "literature review, систематичний огляд, систематический обзор, "
                  "метааналіз, метаанализ"),
    work("Consolidated criteria for reporting qualitative research (COREQ): a 32-item "
         "checklist for interviews and focus groups",
         ("Allison Tong", "Peter Sainsbury", "Jonathan Craig"), 2007,
         "International Journal for Quality in Health Care", "10.1093/intqhc/mzm042",
         summary="Develops COREQ, a 32-item checklist for reporting studies that use "
                 "interviews and focus groups, covering the research team, study design and "
                 "analysis.",
         keywords=f"{METHODS}, {QUALITATIVE}, interviews, focus groups, reporting guidelines, "
                  "фокус-групи, фокус-группы"),
    work("Coefficient alpha and the internal structure of tests", ("Lee J. Cronbach",), 1951,
         "Psychometrika", "10.1007/BF02310555",
         summary="Introduces coefficient alpha as a general measure of a test's internal "
                 "consistency, shows it is the mean of all split-half coefficients, and "
                 "discusses what it says about a test's structure.",
         keywords=f"{METHODS}, {STATISTICS}, reliability, Cronbach's alpha, psychometrics, "
                  "questionnaires, надійність, надежность, психометрика"),
    work("G*Power 3: A flexible statistical power analysis program for the social, "
         "behavioral, and biomedical sciences",
         ("Franz Faul", "Edgar Erdfelder", "Albert-Georg Lang", "Axel Buchner"), 2007,
         "Behavior Research Methods", "10.3758/BF03193146",
         summary="Describes G*Power 3, a free program for power analysis and sample-size "
                 "calculation for t, F, chi-square, z and exact tests.",
         keywords=f"{METHODS}, {STATISTICS}, power analysis, sample size, statistical "
                  "software, розмір вибірки, объем выборки"),
    work("A coefficient of agreement for nominal scales", ("Jacob Cohen",), 1960,
         "Educational and Psychological Measurement", "10.1177/001316446002000104",
         summary="Introduces kappa, a coefficient of agreement between two judges assigning "
                 "items to nominal categories that corrects for agreement expected by "
                 "chance.",
         keywords=f"{METHODS}, {STATISTICS}, inter-rater agreement, kappa, reliability, "
                  "узгодженість, согласованность"),
    work("The measurement of observer agreement for categorical data",
         ("J. Richard Landis", "Gary G. Koch"), 1977, "Biometrics", "10.2307/2529310",
         summary="Develops statistical methods for assessing agreement among several "
                 "observers classifying subjects into categories and proposes the widely "
                 "used benchmarks for interpreting kappa values.",
         keywords=f"{METHODS}, {STATISTICS}, observer agreement, kappa, categorical data"),
    work("Cutoff criteria for fit indexes in covariance structure analysis: Conventional "
         "criteria versus new alternatives", ("Li-tze Hu", "Peter M. Bentler"), 1999,
         "Structural Equation Modeling: A Multidisciplinary Journal",
         "10.1080/10705519909540118",
         summary="Uses simulations to evaluate fit indexes for structural equation models and "
                 "recommends combined cutoffs, such as CFI near 0.95 and RMSEA near 0.06.",
         keywords=f"{METHODS}, {STATISTICS}, structural equation modeling, SEM, model fit, "
                  "confirmatory factor analysis, структурне моделювання"),
    work("Evaluating structural equation models with unobservable variables and measurement "
         "error", ("Claes Fornell", "David F. Larcker"), 1981, "Journal of Marketing Research",
         "10.1177/002224378101800104",
         summary="Proposes testing structural equation models with latent variables by their "
                 "measurement quality, including the average variance extracted, and a "
                 "criterion of discriminant validity comparing it with squared correlations "
                 "between constructs.",
         keywords=f"{METHODS}, {STATISTICS}, structural equation modeling, discriminant "
                  "validity, measurement, latent variables, валідність, валидность"),
    work("Controlling the false discovery rate: A practical and powerful approach to multiple "
         "testing", ("Yoav Benjamini", "Yosef Hochberg"), 1995,
         "Journal of the Royal Statistical Society: Series B (Methodological)",
         "10.1111/j.2517-6161.1995.tb02031.x",
         summary="Introduces the false discovery rate, the expected proportion of false "
                 "rejections among rejected hypotheses, and a simple step-up procedure that "
                 "controls it with more power than familywise methods.",
         keywords=f"{STATISTICS}, multiple testing, false discovery rate, hypothesis testing, "
                  "множинні порівняння, множественные сравнения"),
    work("Why most published research findings are false", ("John P. A. Ioannidis",), 2005,
         "PLoS Medicine", "10.1371/journal.pmed.0020124",
         summary="Argues with a simple model that, given small studies, small effects, "
                 "flexible designs, bias and many teams testing many hypotheses, most claimed "
                 "research findings are more likely false than true.",
         keywords=f"{METHODS}, {STATISTICS}, reproducibility, research bias, p-values, "
                  "відтворюваність, воспроизводимость"),
    work("Estimating the reproducibility of psychological science",
         ("Open Science Collaboration",), 2015, "Science", "10.1126/science.aac4716",
         summary="Reports replications of 100 studies from three psychology journals: about "
                 "a third to under half reproduced the original results, and effects were on "
                 "average half as large.",
         keywords=f"{METHODS}, replication, reproducibility, psychology, open science, "
                  "відтворюваність, воспроизводимость"),
)
