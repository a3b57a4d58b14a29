"""What the offline model writes with, per language: its label, section titles and sentence
patterns (`{topic}`, `{subject}` and, in source sentences, `{source}` and `{finding}`, the
first sentence of the source's abstract). The offline text claims nothing about a source but
what its abstract says, or that there was no abstract to read; it never calls a source
relevant. Languages without their own patterns get English sentences under a label in
their language."""

# Cyrillic letters here are meant to be Cyrillic.
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrases:
    label: str
    introduction: str
    conclusion: str
    body_titles: tuple[str, ...]
    sentences: tuple[str, ...]
    read_source: str
    unread_source: str


ENGLISH = Phrases(
    label="[Offline draft — generated without a language model]",
    introduction="Introduction", conclusion="Conclusion",
    body_titles=("Background and key concepts", "Review of the literature",
                 "Methods and approach", "Analysis of {topic}", "Discussion of findings",
                 "Challenges and limitations", "Practical implications", "Future directions"),
    sentences=(
        "A central question for {topic} is how its key concepts are defined and applied",
        "Comparing the available findings helps to separate well-supported claims from open "
        "questions",
        "Methodological choices strongly influence the conclusions drawn about {topic}",
        "Evidence reported in the literature suggests that context plays a decisive role",
        "This part of the work, “{subject}”, places these questions in a structured perspective",
        "In practice, the implications of {topic} depend on the setting in which it is studied",
        "Taken together, the sources point to a coherent but still developing picture",
        "A critical reading also reveals limitations in scope, data and method",
        "Further work is needed to confirm how far these results generalise",
        "Several authors stress the link between theory and practical application",
        "Differences between studies can often be traced to their assumptions and samples",
        "These observations frame the discussion of “{subject}” within the broader field"),
    read_source="The abstract of “{source}” states: {finding}",
    unread_source="“{source}” was found by the search for “{subject}”; its abstract was not "
                  "available to read",
)

UKRAINIAN = Phrases(
    label="[Офлайн-чернетка — створено без мовної моделі]",
    introduction="Вступ", conclusion="Висновки",
    body_titles=("Теоретичні засади", "Огляд літератури", "Методи та підходи",
                 "Аналіз теми «{topic}»", "Обговорення результатів", "Проблеми та обмеження",
                 "Практичне значення", "Перспективи подальших досліджень"),
    sentences=(
        "Ключове питання теми «{topic}» полягає в тому, як визначаються та застосовуються її "
        "основні поняття",
        "Порівняння наявних даних допомагає відокремити обґрунтовані твердження від відкритих "
        "питань",
        "Методологічні рішення істотно впливають на висновки щодо теми «{topic}»",
        "Дані, наведені в літературі, свідчать, що контекст відіграє вирішальну роль",
        "У розділі «{subject}» ці питання розглянуто в структурованій перспективі",
        "На практиці наслідки залежать від умов, у яких досліджується тема «{topic}»",
        "Загалом джерела формують цілісну, хоча ще не завершену картину",
        "Критичне прочитання виявляє також обмеження щодо обсягу, даних і методів",
        "Потрібні подальші дослідження, щоб перевірити, наскільки ці результати можна узагальнити",
        "Низка авторів наголошує на зв'язку між теорією та практичним застосуванням",
        "Відмінності між дослідженнями часто пояснюються їхніми припущеннями та вибірками",
        "Ці спостереження вписують розділ «{subject}» у ширший науковий контекст"),
    read_source="В анотації праці «{source}» зазначено: {finding}",
    unread_source="Працю «{source}» знайдено пошуком для розділу «{subject}»; її анотація "
                  "недоступна",
)

RUSSIAN = Phrases(
    label="[Офлайн-черновик — создано без языковой модели]",
    introduction="Введение", conclusion="Заключение",
    body_titles=("Теоретические основы", "Обзор литературы", "Методы и подходы",
                 "Анализ темы «{topic}»", "Обсуждение результатов", "Проблемы и ограничения",
                 "Практическое значение", "Перспективы дальнейших исследований"),
    sentences=(
        "Ключевой вопрос темы «{topic}» состоит в том, как определяются и применяются её "
        "основные понятия",
        "Сравнение имеющихся данных помогает отделить обоснованные утверждения от открытых "
        "вопросов",
        "Методологические решения существенно влияют на выводы по теме «{topic}»",
        "Данные, приведённые в литературе, указывают на решающую роль контекста",
        "В разделе «{subject}» эти вопросы рассмотрены в структурированной перспективе",
        "На практике последствия зависят от условий, в которых изучается тема «{topic}»",
        "В целом источники формируют целостную, хотя ещё не завершённую картину",
        "Критическое прочтение выявляет также ограничения по охвату, данным и методам",
        "Необходимы дальнейшие исследования, чтобы проверить, насколько эти результаты можно "
        "обобщить",
        "Ряд авторов подчёркивает связь между теорией и практическим применением",
        "Различия между исследованиями часто объясняются их допущениями и выборками",
        "Эти наблюдения вписывают раздел «{subject}» в более широкий научный контекст"),
    read_source="В аннотации работы «{source}» сказано: {finding}",
    unread_source="Работа «{source}» найдена поиском для раздела «{subject}»; её аннотация "
                  "недоступна",
)

_LABELS = {
    "de": "[Offline-Entwurf — ohne Sprachmodell erstellt]",
    "fr": "[Brouillon hors ligne — généré sans modèle de langage]",
    "es": "[Borrador sin conexión — generado sin modelo de lenguaje]",
    "it": "[Bozza offline — generata senza modello linguistico]",
    "pl": "[Szkic offline — wygenerowany bez modelu językowego]",
    "pt": "[Rascunho offline — gerado sem modelo de linguagem]",
}
_PHRASES = {"en": ENGLISH, "uk": UKRAINIAN, "ru": RUSSIAN}


def phrases_for(language: str) -> Phrases:
    if language in _PHRASES:
        return _PHRASES[language]
    return replace(ENGLISH, label=_LABELS.get(language, ENGLISH.label))
