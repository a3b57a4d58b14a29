"""A DOI registry for use-case tests: knows the works it is given, records what it was asked,
and fails like Crossref down or silent when told to."""

from __future__ import annotations

from collections.abc import Mapping

from domain.documents import Provider
from domain.dois import valid_doi
from domain.ports.doi_lookup import DoiLookup
from domain.sources import FoundWork, normalise_doi


def registered(doi: str, title: str = "A registered work", *,
               abstract: str | None = "What the registered work finds.") -> FoundWork:
    """A work as Crossref would describe it."""
    return FoundWork(title=title, authors=("Grace Hopper",), year=2019, venue="Journal",
                     doi=normalise_doi(doi), url=f"https://doi.org/{normalise_doi(doi)}",
                     abstract=abstract, provider=Provider.CROSSREF, cited_by=7)


class ScriptedDoiLookup(DoiLookup):
    """`works` maps DOIs (any case or prefix) to their works; any other DOI is unknown.
    Set `failure` (SourcesUnavailable(), LookupTimedOut()...) to raise it on every valid
    look-up. `asked` lists the normalised DOIs looked up: a malformed one raises
    InvalidInput and is never asked."""

    def __init__(self, works: Mapping[str, FoundWork] | None = None) -> None:
        self.works = {valid_doi(doi): work for doi, work in (works or {}).items()}
        self.failure: Exception | None = None
        self.asked: list[str] = []

    async def look_up(self, doi: str) -> FoundWork | None:
        doi = valid_doi(doi)
        self.asked.append(doi)
        if self.failure is not None:
            raise self.failure
        return self.works.get(doi)
