"""Manuscripts to render: real sentences in English, Ukrainian or Russian, cited in a numeric
([n]) or author-date style, with the labels and page layout of that language and the
closing disclosure the domain words for them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import cycle, islice

from domain.disclosure import disclosure_for
from domain.document_parts import Grounding
from domain.languages import Language
from domain.manuscripts import Block, BlockKind, Labels, Layout, Manuscript, ManuscriptSection


@dataclass(frozen=True)
class _Language:
    title: str
    author: str
    labels: Labels
    layout: Layout
    sections: tuple[str, ...]
    subheading: str
    sentences: tuple[str, ...]  # each ends with {cite} before its full stop
    numbered: tuple[str, ...]
    author_date: tuple[tuple[str, str], ...]  # (in-text citation, entry)


EN = _Language(
    title="Artificial Intelligence in Academic Writing: Opportunities and Risks",
    author="Emma Thompson",
    labels=Labels(kind="Coursework", author="Author", year="Year", contents="Contents",
                  references="References", supervisor="Supervisor"),
    layout=Layout.academic(),
    sections=("Introduction", "Theoretical background", "Literature review", "Methodology",
              "Data collection", "Case study", "Results", "Discussion", "Limitations",
              "Ethical considerations", "Recommendations", "Conclusions"),
    subheading="Scope of the analysis",
    sentences=(
        "Large language models have changed how students search for and summarise"
        " academic literature{cite}.",
        "Earlier studies of automated writing feedback reported modest gains in the"
        " structure of student essays{cite}.",
        "Feedback is most effective when it tells the learner where they are, where they"
        " are going and what to do next{cite}.",
        "Thematic analysis was used to code the interviews, following the six phases"
        " described in the methodological literature{cite}.",
        "Neural networks learn representations directly from data instead of relying on"
        " features engineered by hand{cite}.",
        "The attention mechanism allows a model to relate every word of a sentence to every"
        " other word in a single step{cite}.",
        "Supervisors remain responsible for judging whether a text reflects the student's"
        " own understanding of the subject{cite}.",
    ),
    numbered=(
        "[1] Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, vol. 521,"
        " no. 7553, pp. 436–444, 2015.",
        "[2] A. Vaswani et al., “Attention is all you need,” in Advances in Neural"
        " Information Processing Systems, vol. 30, 2017, pp. 5998–6008.",
        "[3] V. Braun and V. Clarke, “Using thematic analysis in psychology,” Qualitative"
        " Research in Psychology, vol. 3, no. 2, pp. 77–101, 2006.",
        "[4] J. Hattie and H. Timperley, “The power of feedback,” Review of Educational"
        " Research, vol. 77, no. 1, pp. 81–112, 2007.",
    ),
    author_date=(
        ("(LeCun et al., 2015)", "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning."
         " Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539"),
        ("(Vaswani et al., 2017)", "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J.,"
         " Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I. (2017). Attention is all"
         " you need. Advances in Neural Information Processing Systems, 30, 5998–6008."),
        ("(Braun & Clarke, 2006)", "Braun, V., & Clarke, V. (2006). Using thematic analysis"
         " in psychology. Qualitative Research in Psychology, 3(2), 77–101."),
        ("(Hattie & Timperley, 2007)", "Hattie, J., & Timperley, H. (2007). The power of"
         " feedback. Review of Educational Research, 77(1), 81–112."),
    ),
)

UK_SENTENCE = ("Ґрунтовний аналіз її джерел є необхідним, і саме на ньому ґрунтується якість"
               " курсової роботи{cite}.")
UK = _Language(
    title="Штучний інтелект в академічному письмі: можливості та ризики",
    author="Олена Коваленко",
    labels=Labels(kind="Курсова робота", author="Автор", year="Рік", contents="Зміст",
                  references="Список використаних джерел", supervisor="Науковий керівник"),
    layout=Layout.gost(),
    sections=("Вступ", "Теоретичні засади", "Огляд літератури", "Методологія",
              "Збирання даних", "Практичний приклад", "Результати", "Обговорення",
              "Обмеження дослідження", "Етичні аспекти", "Рекомендації", "Висновки"),
    subheading="Обсяг і межі аналізу",
    sentences=(
        UK_SENTENCE,
        "Великі мовні моделі змінили те, як студенти шукають і узагальнюють наукову"
        " літературу{cite}.",
        "Зворотний зв'язок є найдієвішим тоді, коли він показує студентові наступний"
        " крок{cite}.",
        "Інтерв'ю закодовано за шістьма етапами тематичного аналізу, які описано в"
        " методичній літературі{cite}.",
        "Науковий керівник відповідає за те, щоб текст відображав власне розуміння"
        " студентом предмета дослідження{cite}.",
        "Ці висновки ґрунтуються на порівнянні українських і зарубіжних підходів до"
        " оцінювання письмових робіт{cite}.",
    ),
    numbered=(
        "1. Шевченко О. В. Цифрові інструменти в освіті : монографія. Київ : Наукова"
        " думка, 2020. 248 с.",
        "2. Ковальчук І. П., Ґудзь Є. М. Штучний інтелект у підготовці курсових робіт"
        " // Вісник Київського університету. 2021. № 3. С. 45–52.",
        "3. Braun V., Clarke V. Using thematic analysis in psychology // Qualitative"
        " Research in Psychology. 2006. Vol. 3, no. 2. P. 77–101.",
        "4. Їжак Л. С. Оцінювання письмових робіт у вищій школі. Львів : Світ, 2019. 176 с.",
    ),
    author_date=(
        ("(Шевченко, 2020)", "Шевченко, О. В. (2020). Цифрові інструменти в освіті."
         " Київ: Наукова думка."),
        ("(Ковальчук & Ґудзь, 2021)", "Ковальчук, І. П., & Ґудзь, Є. М. (2021). Штучний"
         " інтелект у підготовці курсових робіт. Вісник Київського університету, 3, 45–52."),
        ("(Braun & Clarke, 2006)", "Braun, V., & Clarke, V. (2006). Using thematic analysis"
         " in psychology. Qualitative Research in Psychology, 3(2), 77–101."),
    ),
)

RU_SENTENCE = ("Съёмка этих объектов выполнена с учётом погрешностей, и мы подробно объясним"
               " её результаты{cite}.")
RU = _Language(
    title="Искусственный интеллект в академическом письме: возможности и риски",
    author="Дмитрий Соколов",
    labels=Labels(kind="Курсовая работа", author="Автор", year="Год", contents="Содержание",
                  references="Список использованных источников",
                  supervisor="Научный руководитель"),
    layout=Layout.gost(),
    sections=("Введение", "Теоретические основы", "Обзор литературы", "Методология",
              "Сбор данных", "Практический пример", "Результаты", "Обсуждение",
              "Ограничения исследования", "Этические аспекты", "Рекомендации", "Заключение"),
    subheading="Объём и границы анализа",
    sentences=(
        RU_SENTENCE,
        "Большие языковые модели изменили то, как студенты ищут и обобщают научную"
        " литературу{cite}.",
        "Обратная связь эффективнее всего тогда, когда она объясняет студенту следующий"
        " шаг{cite}.",
        "Колмогоров предложил три подхода к определению понятия количества"
        " информации{cite}.",
        "Научный руководитель отвечает за то, чтобы текст отражал собственное понимание"
        " студентом предмета исследования{cite}.",
    ),
    numbered=(
        "1. Колмогоров А. Н. Три подхода к определению понятия «количество информации»"
        " // Проблемы передачи информации. 1965. Т. 1, № 1. С. 3–11.",
        "2. Щербаков Э. Ю. Объёмные данные в гуманитарных исследованиях. Москва : Наука,"
        " 2019. 312 с.",
        "3. LeCun Y., Bengio Y., Hinton G. Deep learning // Nature. 2015. Vol. 521."
        " P. 436–444.",
    ),
    author_date=(
        ("(Колмогоров, 1965)", "Колмогоров, А. Н. (1965). Три подхода к определению понятия"
         " «количество информации». Проблемы передачи информации, 1(1), 3–11."),
        ("(Щербаков, 2019)", "Щербаков, Э. Ю. (2019). Объёмные данные в гуманитарных"
         " исследованиях. Москва: Наука."),
    ),
)

LANGUAGES = {"en": EN, "uk": UK, "ru": RU}
SENTENCES = {"uk": UK_SENTENCE, "ru": RU_SENTENCE}
CHECKED = Grounding(claims=12, supported=9, unsupported=2, unverified=1)


def a_manuscript(*, language: str = "en", sections: int = 3, paragraphs: int = 3,
                 words_per_paragraph: int = 60, numbered: bool = True,
                 models: tuple[str, ...] = ("gpt-4o-mini",),
                 grounding: Grounding = CHECKED) -> Manuscript:
    """Each section: a paragraph, a subheading, then the other paragraphs. Every sentence
    cites one entry of the bibliography, in turn. The disclosure names `models` and
    `grounding`, with two more sources gathered than the bibliography cites."""
    lang = LANGUAGES[language]
    if numbered:
        citations = [f"[{n}]" for n in range(1, len(lang.numbered) + 1)]
        bibliography = lang.numbered
    else:
        citations = [cite for cite, _ in lang.author_date]
        bibliography = tuple(entry for _, entry in lang.author_date)
    cites = cycle(citations)
    titles = [*islice(cycle(lang.sections), sections)]
    return Manuscript(
        title=lang.title, author=lang.author, year=2025, language=language,
        labels=lang.labels, layout=lang.layout, bibliography=bibliography,
        numbered_references=numbered,
        disclosure=disclosure_for(Language(language), models=models,
                                  sources=len(bibliography) + 2, cited=len(bibliography),
                                  grounding=grounding),
        sections=tuple(
            ManuscriptSection(index=index, title=title, blocks=_blocks(
                lang, index, paragraphs, words_per_paragraph, cites))
            for index, title in enumerate(titles, start=1)),
    )


def a_large_manuscript(words: int = 30_000, language: str = "en") -> Manuscript:
    """About `words` words in 12 sections: some 100 A4 pages."""
    return a_manuscript(language=language, sections=12, paragraphs=max(1, words // 1_800),
                        words_per_paragraph=150)


def _blocks(lang: _Language, section: int, paragraphs: int, words: int,
            cites: Iterator[str]) -> tuple[Block, ...]:
    texts = [_paragraph(lang, section + 2 * number, words, cites) for number in range(paragraphs)]
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=text) for text in texts]
    blocks.insert(1, Block(kind=BlockKind.SUBHEADING, text=lang.subheading))
    return tuple(blocks)


def _paragraph(lang: _Language, start: int, words: int, cites: Iterator[str]) -> str:
    templates = islice(cycle(lang.sentences), start % len(lang.sentences), None)
    sentences: list[str] = []
    while sum(len(sentence.split()) for sentence in sentences) < words:
        sentences.append(next(templates).format(cite=" " + next(cites)))
    return " ".join(sentences)
