"""Sources the user brings or takes away.

- a work already among the sources (same DOI, else same normalised title and year) is that
  source: adding it again changes nothing; one the user removed before comes back under
  its old number
- a new work takes the next number never given; `n` never changes
- a removed source is no longer offered to any section: its markers leave every section
  (the sentences stay), its claims go, and it leaves the sections' search results; it is
  kept aside so that its number is never given again
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from domain.citations import resolve_citations
from domain.documents import Document, Provider, Source
from domain.errors import InvalidInput, NotFound
from domain.sources import FoundWork, numbered_work, same_work

TITLE_MAX, AUTHOR_MAX, AUTHORS_MAX, VENUE_MAX, URL_MAX = 500, 200, 100, 300, 2_000
YEAR_MIN, YEAR_MAX = 1000, 2100


def hand_written_work(*, title: str, authors: list[str], year: int | None,
                      venue: str | None = None, url: str | None = None) -> FoundWork:
    """A work the user describes by hand, each field checked."""
    title = " ".join(title.split())
    if not title or len(title) > TITLE_MAX:
        raise InvalidInput(f"title must have 1 to {TITLE_MAX} characters", field="title")
    names = tuple(" ".join(name.split()) for name in authors)
    if len(names) > AUTHORS_MAX or any(not n or len(n) > AUTHOR_MAX for n in names):
        raise InvalidInput(f"authors holds at most {AUTHORS_MAX} names of 1 to {AUTHOR_MAX} "
                           "characters", field="authors")
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise InvalidInput(f"year must be between {YEAR_MIN} and {YEAR_MAX}", field="year")
    venue = " ".join(venue.split()) if venue else None
    if venue and len(venue) > VENUE_MAX:
        raise InvalidInput(f"venue must be at most {VENUE_MAX} characters", field="venue")
    url = url.strip() if url else None
    if url and (len(url) > URL_MAX or urlsplit(url).scheme not in ("http", "https")
                or not urlsplit(url).netloc):
        raise InvalidInput("url must be an http or https address", field="url")
    return FoundWork(title=title, authors=names, year=year, venue=venue or None, doi=None,
                     url=url or None, provider=Provider.USER)


def with_added_source(document: Document, work: FoundWork,
                      now: datetime) -> tuple[Document, Source]:
    """The document with `work` among its sources, and the source it is."""
    existing = same_work(document.sources, work)
    if existing is not None:
        return document, existing
    removed = same_work(document.removed_sources, work)
    if removed is not None:
        return _changed(document, (*document.sources, removed),
                        tuple(s for s in document.removed_sources if s.n != removed.n),
                        now), removed
    n = max((s.n for s in (*document.sources, *document.removed_sources)), default=0) + 1
    source = numbered_work(work, n)
    return _changed(document, (*document.sources, source), document.removed_sources,
                    now), source


def without_source(document: Document, n: int, now: datetime) -> Document:
    """The document with source `n` removed (see the module's rules). NotFound for a
    number that is not one of its sources."""
    source = next((s for s in document.sources if s.n == n), None)
    if source is None:
        raise NotFound(f"This document has no source {n}.")
    offered = {s.n for s in document.sources} - {n}
    sections = []
    for section in document.sections:
        text, cited = resolve_citations(section.text, offered)
        claims = tuple(claim for claim in section.claims if claim.n != n)
        sections.append(replace(section, text=text, citations=cited, claims=claims))
    outline = tuple(replace(item, sources=tuple(k for k in item.sources if k != n))
                    for item in document.outline)
    changed = _changed(document, tuple(s for s in document.sources if s.n != n),
                       (*document.removed_sources, source), now)
    return replace(changed, sections=tuple(sections), outline=outline,
                   word_count=sum(s.word_count for s in sections))


def _changed(document: Document, sources: tuple[Source, ...],
             removed: tuple[Source, ...], now: datetime) -> Document:
    return replace(document, sources=tuple(sorted(sources, key=lambda s: s.n)),
                   removed_sources=removed, updated_at=now, revision=document.revision + 1)
