"""Scholarly works found for a document, deduplicated and numbered for `[n]` citations."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

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


def sources_wanted(target_words: int, cap: int) -> int:
    """How many sources a document of `target_words` should have: one per 400 words, at
    least 8, at most `cap`."""
    return min(cap, max(8, math.ceil(target_words / 400)))


WorkKey = tuple[str, ...]


def _keys(doi: str | None, title: str, year: int | None) -> tuple[WorkKey, ...]:
    """What makes two records one work: the same DOI, else the same normalised title and
    year."""
    by_title: WorkKey = ("title", normalise_title(title), str(year))
    return (("doi", doi), by_title) if doi else (by_title,)


def _better(kept: FoundWork, other: FoundWork) -> FoundWork:
    """One record of a work found twice: the first, completed from the second."""
    cited = [c for c in (kept.cited_by, other.cited_by) if c is not None]
    return replace(kept, abstract=kept.abstract or other.abstract,
                   doi=kept.doi or other.doi, cited_by=max(cited) if cited else None)


def merge_sources(existing: Sequence[Source], found: Sequence[Sequence[FoundWork]],
                  limit: int) -> tuple[tuple[Source, ...], tuple[tuple[int, ...], ...]]:
    """Add the results of several searches to a document's numbered sources.

    - existing sources keep their numbers (`n` never changes); a found work that is one of
      them (same DOI, else same normalised title and year) is that source
    - new works are ranked by relevance first (their best position in any search's results),
      then by citation count, then by the order they were found; they are numbered after the
      existing ones while the list holds fewer than `limit`
    - works without a title are left out
    - also returns, per search, the numbers of its results in its own order (each once):
      the sources that search found for its section
    """
    merge = _Merge(existing)
    per_search = [[merge.add(rank, work) for rank, work in enumerate(results)
                   if normalise_title(work.title)] for results in found]
    sources = merge.numbered(limit)
    numbers = tuple(tuple(dict.fromkeys(merge.index[key] for key in keys if key in merge.index))
                    for keys in per_search)
    return sources, numbers


class _Merge:
    """Works seen so far: numbered ones in `index` (key -> n), new ones in `pending`."""

    def __init__(self, existing: Sequence[Source]) -> None:
        self.sources = list(existing)
        self.index: dict[WorkKey, int] = {}
        for source in existing:
            for key in _keys(source.doi, source.title, source.year):
                self.index.setdefault(key, source.n)
        self.pending: list[tuple[int, FoundWork]] = []  # (best rank, record) per new work
        self.slot_of: dict[WorkKey, int] = {}

    def add(self, rank: int, work: FoundWork) -> WorkKey:
        """Note a found work; returns the key it goes by."""
        work = replace(work, doi=normalise_doi(work.doi))
        keys = _keys(work.doi, work.title, work.year)
        known = next((self.index[key] for key in keys if key in self.index), None)
        if known is not None:
            for key in keys:
                self.index.setdefault(key, known)
            return keys[0]
        slot = next((self.slot_of[key] for key in keys if key in self.slot_of), None)
        if slot is None:
            slot = len(self.pending)
            self.pending.append((rank, work))
        else:
            best, kept = self.pending[slot]
            self.pending[slot] = (min(best, rank), _better(kept, work))
        for key in keys:
            self.slot_of.setdefault(key, slot)
        return keys[0]

    def numbered(self, limit: int) -> tuple[Source, ...]:
        ranked = sorted(range(len(self.pending)),
                        key=lambda slot: (self.pending[slot][0],
                                          -(self.pending[slot][1].cited_by or 0), slot))
        for slot in ranked:
            if len(self.sources) >= limit:
                break
            work = self.pending[slot][1]
            source = _numbered(work, max((s.n for s in self.sources), default=0) + 1)
            self.sources.append(source)
            keys = [*_keys(work.doi, work.title, work.year),
                    *(key for key, at in self.slot_of.items() if at == slot)]
            for key in keys:
                self.index.setdefault(key, source.n)
        return tuple(self.sources)


def _numbered(work: FoundWork, n: int) -> Source:
    return Source(n=n, title=work.title.strip(), authors=work.authors, year=work.year,
                  venue=work.venue, doi=normalise_doi(work.doi), url=work.url,
                  abstract=work.abstract, provider=work.provider, cited_by=work.cited_by)


def number_sources(works: Iterable[FoundWork], limit: int | None = None) -> tuple[Source, ...]:
    """Number works 1, 2, 3… in the order given, dropping duplicates (same DOI, else same
    normalised title and year) and works without a title."""
    sources, _ = merge_sources((), [list(works)], limit if limit is not None else 10**6)
    return tuple(sorted(sources, key=lambda s: s.n))
