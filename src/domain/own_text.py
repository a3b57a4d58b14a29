"""Section texts that do not come from the model: the user's own, and earlier revisions
brought back.

- the user's text is saved as written, except that marker groups are written one marker
  each (`[1, 3]` → `[1][3]`), as every saved text is; every `[n]` must name one of the
  document's sources, otherwise InvalidInput names the markers that do not
- the user's claims are `unverified` until a check is asked for
- a restored revision keeps its origin, instructions and time; markers of sources removed
  since are left out, and so are their claims
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.citations import marker_numbers, resolve_citations
from domain.claims import cited_sentences, unverified
from domain.documents import Document, Origin, Section, SectionRevision
from domain.errors import InvalidInput, NotFound

TEXT_MAX = 200_000


def own_section(document: Document, index: int, text: str, now: datetime) -> Section:
    """Section `index` as the user wrote it."""
    item = document.planned_section(index)
    text = text.strip()
    if not text:
        raise InvalidInput("text must not be empty", field="text")
    if len(text) > TEXT_MAX:
        raise InvalidInput(f"text must be at most {TEXT_MAX} characters", field="text")
    known = {s.n for s in document.sources}
    unknown = [marker for marker, numbers in marker_numbers(text)
               if not numbers or any(n not in known for n in numbers)]
    if unknown:
        names = ", ".join(dict.fromkeys(unknown))
        raise InvalidInput(f"text cites {names}, which name no source of this document",
                           field="text")
    saved, cited = resolve_citations(text, known)
    return Section(index=item.index, title=item.title, text=saved, citations=cited,
                   claims=unverified(cited_sentences(saved)), model=None, key=item.key,
                   origin=Origin.USER, written_at=now)


def restored_section(document: Document, index: int, revision: SectionRevision) -> Section:
    """Revision `revision` as section `index` again. NotFound when the revision is not one
    of that section's."""
    item = document.planned_section(index)
    if revision.section.key != item.key:
        raise NotFound(f"Section {index} has no revision {revision.revision}.")
    known = {s.n for s in document.sources}
    text, cited = resolve_citations(revision.section.text, known)
    claims = tuple(claim for claim in revision.section.claims if claim.n in cited)
    return replace(revision.section, index=item.index, title=item.title, text=text,
                   citations=cited, claims=claims)
