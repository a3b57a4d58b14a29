"""One work of the offline catalogue: its real metadata, a summary, and the words it is
found by."""

from __future__ import annotations

from dataclasses import dataclass

from domain.document_parts import Provider
from domain.sources import FoundWork


@dataclass(frozen=True, slots=True)
class CatalogueWork:
    """`work.abstract` is a summary written for this catalogue, not the publisher's abstract.
    `keywords` are the topics the work is about, in English and in the other languages
    documents are written in (Ukrainian, Russian, Italian...), so a query in any of them
    finds it; they are only searched, never shown."""

    work: FoundWork
    keywords: str


def work(title: str, authors: tuple[str, ...], year: int, venue: str, doi: str | None, *,
         summary: str, keywords: str) -> CatalogueWork:
    url = f"https://doi.org/{doi}" if doi else None
    return CatalogueWork(
        FoundWork(title=title, authors=authors, year=year, venue=venue, doi=doi, url=url,
                  abstract=" ".join(summary.split()), provider=Provider.OFFLINE,
                  cited_by=None),
        keywords=keywords)
