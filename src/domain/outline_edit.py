"""A person reshaping an outline: renaming, reordering, adding and dropping items and
changing their budgets, before or after the sections are written.

- an item that carries the `index` of an existing item is that item: it keeps its key, its
  searches and its written section, which follows it to its new place and title
- items without `index` are new (no section yet); items left out are dropped, and their
  sections are kept as revisions
- indexes are renumbered from 1 in the order given
- budgets: when they add up to within ±10% of the document's `target_words`, the target
  stays; otherwise the target follows the sum (which must itself be a valid length)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.documents import (
    MAX_WORDS,
    MIN_WORDS,
    Document,
    DocumentStatus,
    OutlineItem,
)
from domain.errors import InvalidInput
from domain.outline import MAX_SECTIONS, MIN_SECTION_WORDS, TITLE_MAX

BRIEF_MAX = 1_000
TOLERANCE = 0.10


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedItem:
    """An item as the user sends it: `index` names an existing item to keep, None a new
    one; `brief` None keeps a kept item's brief."""

    index: int | None
    title: str
    target_words: int
    brief: str | None = None


def edited_outline(document: Document, items: Sequence[PlannedItem],
                   new_key: Callable[[], str], now: datetime) -> Document:
    """The document with the outline `items` describe (see the module's rules). Raises
    InvalidInput naming the item for a rule it breaks. The bibliography is left for the
    caller to format again."""
    _check(document, items)
    old = {item.index: item for item in document.outline}
    outline = tuple(_placed(old, planned, at, new_key)
                    for at, planned in enumerate(items, start=1))
    kept = {item.key: item for item in outline}
    sections = tuple(replace(s, index=kept[s.key].index, title=kept[s.key].title)
                     for s in document.sections if s.key in kept)
    dropped = [s for s in document.sections if s.key not in kept]
    total = sum(item.target_words for item in outline)
    spec = document.spec
    if abs(total - spec.target_words) > TOLERANCE * spec.target_words:
        if not MIN_WORDS <= total <= MAX_WORDS:
            raise InvalidInput(f"the budgets add up to {total} words; a document has "
                               f"between {MIN_WORDS} and {MAX_WORDS}", field="items")
        spec = replace(spec, target_words=total)
    complete = {s.key for s in sections} >= set(kept)
    status = DocumentStatus.READY if complete and sections else DocumentStatus.DRAFT
    return replace(document.replacing(dropped, now), spec=spec, outline=outline,
                   sections=tuple(sorted(sections, key=lambda s: s.index)), status=status,
                   word_count=sum(s.word_count for s in sections), updated_at=now,
                   revision=document.revision + 1)


def _placed(old: dict[int, OutlineItem], planned: PlannedItem, at: int,
            new_key: Callable[[], str]) -> OutlineItem:
    title = " ".join(planned.title.split())
    brief = " ".join(planned.brief.split()) if planned.brief is not None else None
    if planned.index is None:
        return OutlineItem(index=at, title=title, target_words=planned.target_words,
                           brief=brief or "", key=new_key())
    item = old[planned.index]
    return replace(item, index=at, title=title, target_words=planned.target_words,
                   brief=item.brief if brief is None else brief)


def _check(document: Document, items: Sequence[PlannedItem]) -> None:
    if not 1 <= len(items) <= MAX_SECTIONS:
        raise InvalidInput(f"an outline has between 1 and {MAX_SECTIONS} items", field="items")
    known = {item.index for item in document.outline}
    seen: set[int] = set()
    for at, planned in enumerate(items):
        field = f"items[{at}]"
        if planned.index is not None:
            if planned.index not in known:
                raise InvalidInput(f"{field}.index {planned.index} names no item of the "
                                   "outline", field=f"{field}.index")
            if planned.index in seen:
                raise InvalidInput(f"{field}.index {planned.index} is given twice",
                                   field=f"{field}.index")
            seen.add(planned.index)
        title = " ".join(planned.title.split())
        if not title or len(title) > TITLE_MAX:
            raise InvalidInput(f"{field}.title must have 1 to {TITLE_MAX} characters",
                               field=f"{field}.title")
        if not MIN_SECTION_WORDS <= planned.target_words <= MAX_WORDS:
            raise InvalidInput(f"{field}.target_words must be between {MIN_SECTION_WORDS} "
                               f"and {MAX_WORDS}", field=f"{field}.target_words")
        if planned.brief is not None and len(planned.brief) > BRIEF_MAX:
            raise InvalidInput(f"{field}.brief must be at most {BRIEF_MAX} characters",
                               field=f"{field}.brief")
