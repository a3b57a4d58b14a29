"""Several providers' answers to one search as one list: interleaved by rank, each work once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from domain.sources import FoundWork, normalise_doi, normalise_title

TitleKey = tuple[str, int | None]


def interleaved(answers: Sequence[Sequence[FoundWork]], limit: int) -> list[FoundWork]:
    """The first work of each answer, then the second of each, and so on, up to `limit`.

    A work found twice (the same DOI; else, when one of the two has no DOI, the same
    normalised title and year) keeps its first place and the better of its two records
    (see `better`). Two records with different DOIs are different works, even under one
    title (an editorial called "Introduction" every year, say).
    """
    merged: list[FoundWork] = []
    by_doi: dict[str, int] = {}
    by_title: dict[TitleKey, int] = {}
    for rank in range(max(map(len, answers), default=0)):
        for answer in answers:
            if rank >= len(answer):
                continue
            work = answer[rank]
            place = _place(work, merged, by_doi, by_title)
            if place is None:
                place = len(merged)
                merged.append(work)
            else:
                merged[place] = better(merged[place], work)
            for record in (work, merged[place]):
                if doi := normalise_doi(record.doi):
                    by_doi.setdefault(doi, place)
                by_title.setdefault(_title(record), place)
    return merged[:limit]


def better(first: FoundWork, second: FoundWork) -> FoundWork:
    """One record of a work two providers found: the one with an abstract (then the more
    cited one, then `first`), its gaps filled from the other, with the larger citation
    count. Abstracts are what sections are written from and checked against."""
    keep, other = (second, first) if _merit(second) > _merit(first) else (first, second)
    cited = [c for c in (first.cited_by, second.cited_by) if c is not None]
    return replace(keep, authors=keep.authors or other.authors, year=keep.year or other.year,
                   venue=keep.venue or other.venue, doi=keep.doi or other.doi,
                   url=keep.url or other.url, cited_by=max(cited) if cited else None)


def _merit(work: FoundWork) -> tuple[bool, int]:
    return bool(work.abstract), work.cited_by or 0


def _place(work: FoundWork, merged: list[FoundWork], by_doi: dict[str, int],
           by_title: dict[TitleKey, int]) -> int | None:
    doi = normalise_doi(work.doi)
    if doi and doi in by_doi:
        return by_doi[doi]
    place = by_title.get(_title(work))
    if place is None or (doi and normalise_doi(merged[place].doi)):
        return None
    return place


def _title(work: FoundWork) -> TitleKey:
    return normalise_title(work.title), work.year
