"""The words of the "About this document" page, per language (the languages of
`export_labels`). Numbers only ever follow a label ("Sources cited: 8"), so no sentence
needs a plural form."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class DisclosureWords:
    heading: str
    model: str  # the label before one model's name
    models: str  # before several
    no_model: str  # the value when no section records a model
    offline_model: str  # what the offline model's name is shown as
    sources: str
    cited: str
    claims: str
    supported: str
    unsupported: str
    unverified: str
    drafted: str  # written by a language model
    offline_draft: str  # written by the offline model only
    partly_offline: str  # some sections by the offline model
    own_text: str  # no model recorded
    checked: str  # claims checked by a language model
    checked_offline: str  # claims checked by the offline model's word overlap
    unchecked: str  # no section has checked claims


WORDS = {
    "en": DisclosureWords(
        heading="About this document", model="Language model", models="Language models",
        no_model="none recorded", offline_model="offline (no language model)",
        sources="Sources consulted", cited="Sources cited", claims="Citations checked",
        supported="Supported by the abstract", unsupported="Unsupported (marker removed)",
        unverified="Unverified",
        drafted="This text was drafted with AI assistance from the sources in the reference "
                "list.",
        offline_draft="This text is an offline placeholder draft: it was generated without a "
                      "language model from the sources in the reference list and is not a "
                      "finished text.",
        partly_offline="Some sections are offline placeholder drafts, generated and checked "
                       "without a language model.",
        own_text="No language model is recorded for this text: it is the author's own "
                 "writing, or it was written before models were recorded.",
        checked="Each citation was checked against the abstract of the source it cites: "
                "supported means a passage quoted verbatim from the abstract supports it; "
                "unsupported citation markers were removed; unverified means the source has "
                "no abstract or the check could not run.",
        checked_offline="Each citation was checked only by word overlap with the abstract of "
                        "the source it cites (an offline check, without a language model); "
                        "unsupported citation markers were removed, and unverified means the "
                        "source has no abstract or the overlap was too small to decide.",
        unchecked="The citations were not checked against their sources: no section has "
                  "checked claims, because the text was written before checking existed or "
                  "is the author's own."),
    "uk": DisclosureWords(
        heading="Про цей документ", model="Мовна модель", models="Мовні моделі",
        no_model="не зазначено",
        offline_model="офлайн (без мовної моделі)",
        sources="Опрацьовано джерел", cited="Процитовано джерел",
        claims="Перевірено посилань", supported="Підтверджено анотацією",
        unsupported="Не підтверджено (посилання вилучено)",
        unverified="Не вдалося перевірити",
        drafted="Чернетку цього тексту створено за допомогою штучного інтелекту на основі "
                "джерел зі списку використаних джерел.",
        offline_draft="Цей текст — офлайн-чернетка, заглушка: його згенеровано без мовної "
                      "моделі на основі джерел зі списку використаних джерел, і це не "
                      "готовий текст.",
        partly_offline="Деякі розділи — офлайн-чернетки, згенеровані й перевірені без мовної "
                       "моделі.",
        own_text="Для цього тексту не зазначено мовної моделі: це власний текст автора або "
                 "його написано до того, як моделі почали зазначати.",
        checked="Кожне посилання перевірено за анотацією джерела, на яке воно вказує: "
                "«підтверджено» означає, що його підтверджує дослівна цитата з анотації; "
                "непідтверджені посилання вилучено; «не вдалося перевірити» означає, що "
                "джерело не має анотації або перевірка не відбулася.",
        checked_offline="Кожне посилання перевірено лише за збігом слів з анотацією джерела, "
                        "на яке воно вказує (офлайн-перевірка, без мовної моделі); "
                        "непідтверджені посилання вилучено, а «не вдалося перевірити» "
                        "означає, що джерело не має анотації або збігу слів замало для "
                        "висновку.",
        unchecked="Посилання не перевірено за джерелами: жоден розділ не має перевірених "
                  "тверджень, бо текст написано до появи перевірки або це власний текст "
                  "автора."),
    "ru": DisclosureWords(
        heading="Об этом документе", model="Языковая модель", models="Языковые модели",
        no_model="не указана",
        offline_model="офлайн (без языковой модели)",
        sources="Изучено источников", cited="Процитировано источников",
        claims="Проверено ссылок", supported="Подтверждено аннотацией",
        unsupported="Не подтверждено (ссылка удалена)", unverified="Не удалось проверить",
        drafted="Черновик этого текста создан с помощью искусственного интеллекта на основе "
                "источников из списка использованных источников.",
        offline_draft="Этот текст — офлайн-черновик, заглушка: он сгенерирован без языковой "
                      "модели на основе источников из списка использованных источников и не "
                      "является готовым текстом.",
        partly_offline="Некоторые разделы — офлайн-черновики, сгенерированные и проверенные "
                       "без языковой модели.",
        own_text="Для этого текста не указана языковая модель: это собственный текст автора, "
                 "или он написан до того, как модели начали указывать.",
        checked="Каждая ссылка проверена по аннотации источника, на который она указывает: "
                "«подтверждено» означает, что её подтверждает дословная цитата из аннотации; "
                "неподтверждённые ссылки удалены; «не удалось проверить» означает, что у "
                "источника нет аннотации или проверка не состоялась.",
        checked_offline="Каждая ссылка проверена только по совпадению слов с аннотацией "
                        "источника, на который она указывает (офлайн-проверка, без языковой "
                        "модели); неподтверждённые ссылки удалены, а «не удалось проверить» "
                        "означает, что у источника нет аннотации или совпадения слов "
                        "недостаточно для вывода.",
        unchecked="Ссылки не проверены по источникам: ни в одном разделе нет проверенных "
                  "утверждений, потому что текст написан до появления проверки или это "
                  "собственный текст автора."),
    "it": DisclosureWords(
        heading="Informazioni su questo documento", model="Modello linguistico",
        models="Modelli linguistici", no_model="non indicato",
        offline_model="offline (senza modello linguistico)",
        sources="Fonti consultate", cited="Fonti citate", claims="Citazioni verificate",
        supported="Confermate dall'abstract", unsupported="Non confermate (rimando rimosso)",
        unverified="Non verificabili",
        drafted="Questo testo è stato redatto con l'assistenza dell'intelligenza artificiale "
                "a partire dalle fonti elencate nella bibliografia.",
        offline_draft="Questo testo è una bozza segnaposto offline: è stato generato senza un "
                      "modello linguistico a partire dalle fonti elencate nella bibliografia "
                      "e non è un testo finito.",
        partly_offline="Alcune sezioni sono bozze segnaposto offline, generate e verificate "
                       "senza un modello linguistico.",
        own_text="Per questo testo non è indicato alcun modello linguistico: è scritto "
                 "dall'autore, oppure è stato scritto prima che i modelli venissero indicati.",
        checked="Ogni citazione è stata verificata sull'abstract della fonte citata: "
                "confermata significa che la sostiene un passo riportato alla lettera "
                "dall'abstract; i rimandi non confermati sono stati rimossi; non verificabile "
                "significa che la fonte non ha un abstract o che la verifica non è stata "
                "possibile.",
        checked_offline="Ogni citazione è stata verificata soltanto in base alle parole in "
                        "comune con l'abstract della fonte citata (una verifica offline, senza "
                        "modello linguistico); i rimandi non confermati sono stati rimossi, e "
                        "non verificabile significa che la fonte non ha un abstract o che le "
                        "parole in comune non bastano per decidere.",
        unchecked="Le citazioni non sono state verificate sulle fonti: nessuna sezione ha "
                  "affermazioni verificate, perché il testo è stato scritto prima che la "
                  "verifica esistesse o è dell'autore."),
    "de": DisclosureWords(
        heading="Über dieses Dokument", model="Sprachmodell", models="Sprachmodelle",
        no_model="keines vermerkt",
        offline_model="offline (ohne Sprachmodell)",
        sources="Herangezogene Quellen", cited="Zitierte Quellen", claims="Geprüfte Belege",
        supported="Vom Abstract gestützt", unsupported="Nicht gestützt (Verweis entfernt)",
        unverified="Nicht überprüfbar",
        drafted="Dieser Text wurde mit Unterstützung künstlicher Intelligenz auf Grundlage der "
                "im Literaturverzeichnis aufgeführten Quellen entworfen.",
        offline_draft="Dieser Text ist ein Offline-Platzhalterentwurf: Er wurde ohne "
                      "Sprachmodell aus den im Literaturverzeichnis aufgeführten Quellen "
                      "erzeugt und ist kein fertiger Text.",
        partly_offline="Einige Abschnitte sind Offline-Platzhalterentwürfe, ohne Sprachmodell "
                       "erzeugt und geprüft.",
        own_text="Für diesen Text ist kein Sprachmodell vermerkt: Er stammt vom Verfasser "
                 "selbst oder wurde geschrieben, bevor Modelle vermerkt wurden.",
        checked="Jeder Beleg wurde am Abstract der zitierten Quelle geprüft: gestützt heißt, "
                "dass eine wörtlich aus dem Abstract zitierte Stelle ihn stützt; Verweise ohne "
                "Stütze wurden entfernt; nicht überprüfbar heißt, dass die Quelle kein "
                "Abstract hat oder die Prüfung nicht möglich war.",
        checked_offline="Jeder Beleg wurde nur anhand gemeinsamer Wörter mit dem Abstract der "
                        "zitierten Quelle geprüft (eine Offline-Prüfung ohne Sprachmodell); "
                        "Verweise ohne Stütze wurden entfernt, und nicht überprüfbar heißt, "
                        "dass die Quelle kein Abstract hat oder die gemeinsamen Wörter für "
                        "ein Urteil nicht ausreichen.",
        unchecked="Die Belege wurden nicht an den Quellen geprüft: Kein Abschnitt hat geprüfte "
                  "Aussagen, weil der Text vor Einführung der Prüfung entstand oder vom "
                  "Verfasser selbst stammt."),
    "fr": DisclosureWords(
        heading="À propos de ce document", model="Modèle de langage",
        models="Modèles de langage", no_model="aucun indiqué",
        offline_model="hors ligne (sans modèle de langage)",
        sources="Sources consultées", cited="Sources citées", claims="Citations vérifiées",
        supported="Confirmées par le résumé", unsupported="Non confirmées (renvoi supprimé)",
        unverified="Non vérifiables",
        drafted="Ce texte a été rédigé avec l'aide de l'intelligence artificielle à partir des "
                "sources de la bibliographie.",
        offline_draft="Ce texte est un brouillon provisoire hors ligne\u00a0: il a été généré "
                      "sans modèle de langage à partir des sources de la bibliographie et "
                      "n'est pas un texte achevé.",
        partly_offline="Certaines sections sont des brouillons provisoires hors ligne, générés "
                       "et vérifiés sans modèle de langage.",
        own_text="Aucun modèle de langage n'est indiqué pour ce texte\u00a0: il a été écrit par "
                 "l'auteur, ou avant que les modèles ne soient indiqués.",
        checked="Chaque citation a été vérifiée sur le résumé de la source citée\u00a0: "
                "confirmée signifie qu'un passage cité mot pour mot du résumé l'appuie\u00a0; "
                "les renvois non confirmés ont été supprimés\u00a0; non vérifiable signifie "
                "que la source n'a pas de résumé ou que la vérification n'a pas pu avoir lieu.",
        checked_offline="Chaque citation a été vérifiée uniquement par les mots communs avec le "
                        "résumé de la source citée (une vérification hors ligne, sans modèle de "
                        "langage)\u00a0; les renvois non confirmés ont été supprimés, et non "
                        "vérifiable signifie que la source n'a pas de résumé ou que les mots "
                        "communs ne suffisent pas pour trancher.",
        unchecked="Les citations n'ont pas été vérifiées sur les sources\u00a0: aucune section "
                  "n'a d'affirmations vérifiées, car le texte a été écrit avant que la "
                  "vérification n'existe ou il est de l'auteur."),
    "es": DisclosureWords(
        heading="Acerca de este documento", model="Modelo de lenguaje",
        models="Modelos de lenguaje", no_model="ninguno registrado",
        offline_model="sin conexión (sin modelo de lenguaje)",
        sources="Fuentes consultadas", cited="Fuentes citadas", claims="Citas verificadas",
        supported="Respaldadas por el resumen",
        unsupported="No respaldadas (referencia eliminada)", unverified="No verificables",
        drafted="Este texto se redactó con ayuda de inteligencia artificial a partir de las "
                "fuentes de la lista de referencias.",
        offline_draft="Este texto es un borrador provisional sin conexión: se generó sin "
                      "modelo de lenguaje a partir de las fuentes de la lista de referencias y "
                      "no es un texto terminado.",
        partly_offline="Algunas secciones son borradores provisionales sin conexión, generados "
                       "y verificados sin modelo de lenguaje.",
        own_text="No consta ningún modelo de lenguaje para este texto: lo escribió el propio "
                 "autor, o se escribió antes de que se registraran los modelos.",
        checked="Cada cita se verificó con el resumen de la fuente citada: respaldada "
                "significa que la apoya un pasaje citado literalmente del resumen; las "
                "referencias no respaldadas se eliminaron; no verificable significa que la "
                "fuente no tiene resumen o que la verificación no pudo realizarse.",
        checked_offline="Cada cita se verificó solo por las palabras que comparte con el "
                        "resumen de la fuente citada (una verificación sin conexión, sin modelo "
                        "de lenguaje); las referencias no respaldadas se eliminaron, y no "
                        "verificable significa que la fuente no tiene resumen o que las "
                        "palabras compartidas no bastan para decidir.",
        unchecked="Las citas no se verificaron con las fuentes: ninguna sección tiene "
                  "afirmaciones verificadas, porque el texto se escribió antes de que "
                  "existiera la verificación o es del propio autor."),
    "pl": DisclosureWords(
        heading="O tym dokumencie", model="Model językowy", models="Modele językowe",
        no_model="nie odnotowano",
        offline_model="offline (bez modelu językowego)",
        sources="Przejrzane źródła", cited="Cytowane źródła", claims="Sprawdzone odwołania",
        supported="Potwierdzone abstraktem",
        unsupported="Niepotwierdzone (odwołanie usunięte)",
        unverified="Niemożliwe do sprawdzenia",
        drafted="Ten tekst przygotowano z pomocą sztucznej inteligencji na podstawie źródeł z "
                "bibliografii.",
        offline_draft="Ten tekst jest zastępczym szkicem offline: wygenerowano go bez modelu "
                      "językowego na podstawie źródeł z bibliografii i nie jest to gotowy "
                      "tekst.",
        partly_offline="Niektóre rozdziały są zastępczymi szkicami offline, wygenerowanymi i "
                       "sprawdzonymi bez modelu językowego.",
        own_text="Dla tego tekstu nie odnotowano modelu językowego: napisał go sam autor albo "
                 "powstał, zanim zaczęto odnotowywać modele.",
        checked="Każde odwołanie sprawdzono z abstraktem cytowanego źródła: potwierdzone "
                "oznacza, że popiera je fragment przytoczony dosłownie z abstraktu; "
                "niepotwierdzone odwołania usunięto; niemożliwe do sprawdzenia oznacza, że "
                "źródło nie ma abstraktu lub sprawdzenie się nie powiodło.",
        checked_offline="Każde odwołanie sprawdzono jedynie na podstawie wspólnych słów z "
                        "abstraktem cytowanego źródła (sprawdzenie offline, bez modelu "
                        "językowego); niepotwierdzone odwołania usunięto, a niemożliwe do "
                        "sprawdzenia oznacza, że źródło nie ma abstraktu lub wspólnych słów "
                        "jest za mało, by rozstrzygnąć.",
        unchecked="Odwołań nie sprawdzono ze źródłami: żaden rozdział nie ma sprawdzonych "
                  "twierdzeń, bo tekst powstał, zanim wprowadzono sprawdzanie, albo napisał "
                  "go sam autor."),
    "pt": DisclosureWords(
        heading="Sobre este documento", model="Modelo de linguagem",
        models="Modelos de linguagem", no_model="nenhum registado",
        offline_model="offline (sem modelo de linguagem)",
        sources="Fontes consultadas", cited="Fontes citadas", claims="Citações verificadas",
        supported="Sustentadas pelo resumo", unsupported="Não sustentadas (remissão removida)",
        unverified="Não verificáveis",
        drafted="Este texto foi redigido com a ajuda de inteligência artificial a partir das "
                "fontes da lista de referências.",
        offline_draft="Este texto é um rascunho provisório offline: foi gerado sem modelo de "
                      "linguagem a partir das fontes da lista de referências e não é um texto "
                      "acabado.",
        partly_offline="Algumas secções são rascunhos provisórios offline, gerados e "
                       "verificados sem modelo de linguagem.",
        own_text="Não está registado nenhum modelo de linguagem para este texto: foi escrito "
                 "pelo próprio autor, ou antes de os modelos serem registados.",
        checked="Cada citação foi verificada com o resumo da fonte citada: sustentada "
                "significa que um passo citado literalmente do resumo a apoia; as remissões "
                "não sustentadas foram removidas; não verificável significa que a fonte não "
                "tem resumo ou que a verificação não foi possível.",
        checked_offline="Cada citação foi verificada apenas pelas palavras em comum com o "
                        "resumo da fonte citada (uma verificação offline, sem modelo de "
                        "linguagem); as remissões não sustentadas foram removidas, e não "
                        "verificável significa que a fonte não tem resumo ou que as palavras "
                        "em comum não bastam para decidir.",
        unchecked="As citações não foram verificadas nas fontes: nenhuma secção tem "
                  "afirmações verificadas, porque o texto foi escrito antes de a verificação "
                  "existir ou é do próprio autor."),
}
