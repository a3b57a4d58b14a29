"""Scholarly works found for a document, deduplicated and numbered for `[n]` citations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from domain.documents import Provider, Source


@dataclass(frozen=True, slots=True, kw_only=True)
class FoundWork:
    """A work as a search provider returned it, before numbering."""

    title: str
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    doi: str | None
    url: str | None
    abstract: str | None = None
    provider: Provider = Provider.OFFLINE
    cited_by: int | None = None


def normalise_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    cleaned = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi.strip(), flags=re.I)
    return cleaned.lower() or None


def normalise_title(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def number_sources(works: Iterable[FoundWork], limit: int | None = None) -> tuple[Source, ...]:
    """Number works 1, 2, 3… in the order given, dropping a work whose DOI or normalised
    title was seen before and works without a title."""
    seen_dois: set[str] = set()
    seen_titles: set[str] = set()
    sources: list[Source] = []
    for work in works:
        doi, title = normalise_doi(work.doi), normalise_title(work.title)
        if not title or (doi and doi in seen_dois) or title in seen_titles:
            continue
        if doi:
            seen_dois.add(doi)
        seen_titles.add(title)
        sources.append(Source(n=len(sources) + 1, title=work.title.strip(),
                              authors=work.authors, year=work.year, venue=work.venue,
                              doi=doi, url=work.url, abstract=work.abstract,
                              provider=work.provider, cited_by=work.cited_by))
        if limit is not None and len(sources) == limit:
            break
    return tuple(sources)
