"""The DOI registry users' own sources are looked up in."""

import httpx
from dishka import Provider, Scope, provide

from adapters.sources.crossref import CrossrefLookup
from adapters.sources.offline_doi import OfflineDoiLookup
from domain.ports.doi_lookup import DoiLookup
from entrypoints.config import Settings, SourcesProvider

CROSSREF = "https://api.crossref.org"


class DoiLookupProvider(Provider):
    scope = Scope.APP

    @provide
    def doi_lookup(self, settings: Settings, client: httpx.AsyncClient) -> DoiLookup:
        """Offline sources, offline DOIs (the embedded default never reaches the network),
        unless `CROSSREF_BASE_URL` names a registry to ask; else Crossref itself."""
        if settings.sources_provider is SourcesProvider.OFFLINE \
                and settings.crossref_base_url is None:
            return OfflineDoiLookup()
        return CrossrefLookup(client=client,
                              base_url=settings.crossref_base_url or CROSSREF,
                              timeout_s=settings.crossref_timeout_s,
                              user_agent=f"TesiGo (+{settings.app_url})")
