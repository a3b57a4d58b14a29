"""The "About this document" page as a reader must see it, written out by hand rather than
taken from the domain's word tables: English and Ukrainian, for a text by gpt-4o-mini or by
the offline model, with its citations checked or not."""

from __future__ import annotations

from dataclasses import dataclass

from tests.manuscripts import CHECKED, a_manuscript

from domain.document_parts import Grounding
from domain.manuscripts import Manuscript

MODELS = {"gpt-4o-mini": ("gpt-4o-mini",), "offline": ("offline",)}
CASES = [(language, model, checked) for language in ("en", "uk")
         for model in MODELS for checked in (True, False)]
CASE_IDS = [f"{language}-{model}-{'checked' if checked else 'unchecked'}"
            for language, model, checked in CASES]

_EN = {
    "heading": "About this document",
    "model": "Language model", "offline": "offline (no language model)",
    "sources": "Sources consulted", "cited": "Sources cited",
    "figures": ("Citations checked", "Supported by the abstract",
                "Unsupported (marker removed)", "Unverified"),
    "drafted": "This text was drafted with AI assistance from the sources in the reference "
               "list.",
    "offline_draft": "This text is an offline placeholder draft: it was generated without a "
                     "language model from the sources in the reference list and is not a "
                     "finished text.",
    "checked": "Each citation was checked against the abstract of the source it cites: "
               "supported means a passage quoted verbatim from the abstract supports it; "
               "unsupported citation markers were removed; unverified means the source has "
               "no abstract or the check could not run.",
    "checked_offline": "Each citation was checked only by word overlap with the abstract of "
                       "the source it cites (an offline check, without a language model); "
                       "unsupported citation markers were removed, and unverified means the "
                       "source has no abstract or the overlap was too small to decide.",
    "unchecked": "The citations were not checked against their sources: no section has "
                 "checked claims, because the text was written before checking existed or is "
                 "the author's own.",
}
_UK = {
    "heading": "Про цей документ",
    "model": "Мовна модель", "offline": "офлайн (без мовної моделі)",
    "sources": "Опрацьовано джерел", "cited": "Процитовано джерел",
    "figures": ("Перевірено посилань", "Підтверджено анотацією",
                "Не підтверджено (посилання вилучено)", "Не вдалося перевірити"),
    "drafted": "Чернетку цього тексту створено за допомогою штучного інтелекту на основі "
               "джерел зі списку використаних джерел.",
    "offline_draft": "Цей текст — офлайн-чернетка, заглушка: його згенеровано без мовної "
                     "моделі на основі джерел зі списку використаних джерел, і це не готовий "
                     "текст.",
    "checked": "Кожне посилання перевірено за анотацією джерела, на яке воно вказує: "
               "«підтверджено» означає, що його підтверджує дослівна цитата з анотації; "
               "непідтверджені посилання вилучено; «не вдалося перевірити» означає, що "
               "джерело не має анотації або перевірка не відбулася.",
    "checked_offline": "Кожне посилання перевірено лише за збігом слів з анотацією джерела, "
                       "на яке воно вказує (офлайн-перевірка, без мовної моделі); "
                       "непідтверджені посилання вилучено, а «не вдалося перевірити» означає, "
                       "що джерело не має анотації або збігу слів замало для висновку.",
    "unchecked": "Посилання не перевірено за джерелами: жоден розділ не має перевірених "
                 "тверджень, бо текст написано до появи перевірки або це власний текст "
                 "автора.",
}
_WORDS = {"en": _EN, "uk": _UK}


@dataclass(frozen=True)
class About:
    heading: str
    facts: tuple[str, ...]  # "label: value" lines
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join((self.heading, *self.facts, *self.paragraphs))


def a_disclosed_manuscript(language: str, model: str, checked: bool) -> Manuscript:
    return a_manuscript(language=language, sections=1, paragraphs=2,
                        numbered=language == "uk", models=MODELS[model],
                        grounding=CHECKED if checked else Grounding())


def about(manuscript: Manuscript, model: str, checked: bool) -> About:
    """What the page of `a_disclosed_manuscript(language, model, checked)` says."""
    words = _WORDS[manuscript.language]
    offline = model == "offline"
    cited = len(manuscript.bibliography)
    facts = [f"{words['model']}: {words['offline'] if offline else model}",
             f"{words['sources']}: {cited + 2}", f"{words['cited']}: {cited}"]
    if checked:
        figures = (CHECKED.claims, CHECKED.supported, CHECKED.unsupported, CHECKED.unverified)
        facts += [f"{label}: {n}" for label, n in zip(words["figures"], figures, strict=True)]
    check = ("unchecked" if not checked else "checked_offline" if offline else "checked")
    return About(heading=str(words["heading"]), facts=tuple(facts), paragraphs=(
        str(words["offline_draft" if offline else "drafted"]), str(words[check])))
