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


TitleKey = tuple[str, int | None]


def _better(kept: FoundWork, other: FoundWork) -> FoundWork:
    """One record of a work found twice: the first, completed from the second."""
    cited = [c for c in (kept.cited_by, other.cited_by) if c is not None]
    return replace(kept, abstract=kept.abstract or other.abstract,
                   doi=kept.doi or other.doi, cited_by=max(cited) if cited else None)


def merge_sources(existing: Sequence[Source], found: Sequence[Sequence[FoundWork]],
                  limit: int, *, retired: Sequence[Source] = ()
                  ) -> tuple[tuple[Source, ...], tuple[tuple[int, ...], ...]]:
    """Add the results of several searches to a document's numbered sources.

    - two records are one work when they have the same DOI or, when one of them has none,
      the same normalised title and year (two DOIs are two works, even under one title)
    - existing sources keep their numbers (`n` never changes); a found work that is one of
      them is that source
    - new works are ranked by relevance first (their best position in any search's results),
      then by citation count, then by the order they were found; they are numbered after the
      existing ones while the list holds fewer than `limit`
    - works without a title are left out, and so are `retired` sources (the user removed
      them), whose numbers are never given again
    - also returns, per search, the numbers of its results in its own order (each once):
      the sources that search found for its section
    """
    merge = _Merge(existing, retired)
    per_search = [[merge.add(rank, work) for rank, work in enumerate(results)
                   if normalise_title(work.title)] for results in found]
    sources = merge.numbered(limit)
    numbers = tuple(tuple(dict.fromkeys(n for entry in entries
                                        if (n := merge.numbers[entry]) is not None))
                    for entries in per_search)
    return sources, numbers


class _Merge:
    """Every work seen, as an entry: its number once it has one, else its best rank and
    record, waiting to be numbered."""

    def __init__(self, existing: Sequence[Source], retired: Sequence[Source] = ()) -> None:
        self.sources = list(existing)
        self.numbers: list[int | None] = []
        self.pending: dict[int, tuple[int, FoundWork]] = {}
        self._by_doi: dict[str, int] = {}
        self._by_title: dict[TitleKey, list[tuple[str | None, int]]] = {}
        self._taken = max((s.n for s in (*existing, *retired)), default=0)
        self._retired: set[int] = set()
        for source in existing:
            self._note(self._new(source.n), source.doi, source.title, source.year)
        for source in retired:
            entry = self._new(None)
            self._retired.add(entry)
            self._note(entry, source.doi, source.title, source.year)

    def add(self, rank: int, work: FoundWork) -> int:
        """Note a found work; returns its entry."""
        work = replace(work, doi=normalise_doi(work.doi))
        entry = self._find(work.doi, work.title, work.year)
        if entry in self._retired:
            return entry
        if entry is None:
            entry = self._new(None)
            self.pending[entry] = (rank, work)
        elif entry in self.pending:
            best, kept = self.pending[entry]
            self.pending[entry] = (min(best, rank), _better(kept, work))
        self._note(entry, work.doi, work.title, work.year)
        return entry

    def numbered(self, limit: int) -> tuple[Source, ...]:
        ranked = sorted(self.pending, key=lambda entry: (
            self.pending[entry][0], -(self.pending[entry][1].cited_by or 0), entry))
        for entry in ranked:
            if len(self.sources) >= limit:
                break
            self._taken += 1
            n = self._taken
            self.sources.append(numbered_work(self.pending[entry][1], n))
            self.numbers[entry] = n
        return tuple(self.sources)

    def _new(self, n: int | None) -> int:
        self.numbers.append(n)
        return len(self.numbers) - 1

    def _find(self, doi: str | None, title: str, year: int | None) -> int | None:
        if doi and doi in self._by_doi:
            return self._by_doi[doi]
        for other_doi, entry in self._by_title.get((normalise_title(title), year), ()):
            if not (doi and other_doi):
                return entry
        return None

    def _note(self, entry: int, doi: str | None, title: str, year: int | None) -> None:
        if doi:
            self._by_doi.setdefault(doi, entry)
        self._by_title.setdefault((normalise_title(title), year), []).append((doi, entry))


def same_work(sources: Sequence[Source], work: FoundWork) -> Source | None:
    """The source among `sources` that is `work`, by the rule `merge_sources` follows."""
    entry = _Merge(sources)._find(normalise_doi(work.doi), work.title, work.year)
    return None if entry is None else sources[entry]


def numbered_work(work: FoundWork, n: int) -> Source:
    return Source(n=n, title=work.title.strip(), authors=work.authors, year=work.year,
                  venue=work.venue, doi=normalise_doi(work.doi), url=work.url,
                  abstract=work.abstract, provider=work.provider, cited_by=work.cited_by)


def number_sources(works: Iterable[FoundWork], limit: int | None = None) -> tuple[Source, ...]:
    """Number works 1, 2, 3… in the order given, dropping duplicates (same DOI, else same
    normalised title and year) and works without a title."""
    sources, _ = merge_sources((), [list(works)], limit if limit is not None else 10**6)
    return tuple(sorted(sources, key=lambda s: s.n))
