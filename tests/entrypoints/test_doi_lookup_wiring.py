"""SOURCES_PROVIDER decides where DOIs are looked up (a CROSSREF_BASE_URL named outright is
asked even with offline sources); CROSSREF_* settings are read."""

import pytest
from dishka import make_async_container

from adapters.sources.crossref import CrossrefLookup
from adapters.sources.offline_doi import OfflineDoiLookup
from domain.ports.doi_lookup import DoiLookup
from entrypoints.config import Environment, Settings, SourcesProvider, load_settings
from entrypoints.wiring.doi_lookup import DoiLookupProvider
from entrypoints.wiring.generation import GenerationProvider
from entrypoints.wiring.infrastructure import ConfigProvider


@pytest.mark.parametrize(("chosen", "served"), [
    (SourcesProvider.OFFLINE, OfflineDoiLookup),
    (SourcesProvider.SEMANTIC_SCHOLAR, CrossrefLookup),
    (SourcesProvider.OPENALEX, CrossrefLookup),
    (SourcesProvider.BOTH, CrossrefLookup),
])
async def test_offline_sources_look_dois_up_offline(chosen: SourcesProvider,
                                                     served: type) -> None:
    settings = Settings(environment=Environment.TEST, sources_provider=chosen)
    container = make_async_container(ConfigProvider(settings), GenerationProvider(),
                                     DoiLookupProvider())
    try:
        assert type(await container.get(DoiLookup)) is served
    finally:
        await container.close()


def test_crossref_settings_are_read_from_the_environment() -> None:
    settings = load_settings({"CROSSREF_BASE_URL": "http://crossref.local:8080",
                              "CROSSREF_TIMEOUT_S": "2.5"})

    assert (settings.crossref_base_url, settings.crossref_timeout_s) == (
        "http://crossref.local:8080", 2.5)
    assert Settings().crossref_base_url is None  # Crossref itself, when sources are online


async def test_a_named_registry_is_asked_even_with_offline_sources() -> None:
    settings = Settings(environment=Environment.TEST, sources_provider=SourcesProvider.OFFLINE,
                        crossref_base_url="http://crossref.local:8080")
    container = make_async_container(ConfigProvider(settings), GenerationProvider(),
                                     DoiLookupProvider())
    try:
        lookup = await container.get(DoiLookup)
        assert type(lookup) is CrossrefLookup
    finally:
        await container.close()
