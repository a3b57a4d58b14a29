"""DOIs without a network: the works of the offline catalogue (see `catalogue`)."""

from __future__ import annotations

from dataclasses import replace

from adapters.sources.catalogue import CATALOGUE, CatalogueWork
from domain.dois import valid_doi
from domain.ports.doi_lookup import DoiLookup
from domain.sources import FoundWork, normalise_doi


class OfflineDoiLookup(DoiLookup):
    """Finds a DOI among the catalogue's works (never the network, never an invented work):
    the work as the offline source list has it, marked `Provider.OFFLINE`, its summary
    as its abstract; None for any other DOI. It never times out nor fails."""

    def __init__(self, catalogue: tuple[CatalogueWork, ...] = CATALOGUE) -> None:
        self._works = {doi: replace(entry.work, doi=doi) for entry in catalogue
                       if (doi := normalise_doi(entry.work.doi))}

    async def look_up(self, doi: str) -> FoundWork | None:
        return self._works.get(valid_doi(doi))
