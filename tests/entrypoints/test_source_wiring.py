"""SOURCES_PROVIDER picks the SourceFinder the container serves."""

import pytest
from dishka import make_async_container

from adapters.sources.merged import MergedSourceFinder
from adapters.sources.offline import OfflineSourceFinder
from adapters.sources.openalex import OpenAlexSourceFinder
from adapters.sources.semantic_scholar import SemanticScholarSourceFinder
from domain.ports.sources import SourceFinder
from entrypoints.config import Environment, Settings, SourcesProvider
from entrypoints.wiring.generation import GenerationProvider
from entrypoints.wiring.infrastructure import ConfigProvider


@pytest.mark.parametrize(("chosen", "served"), [
    (SourcesProvider.OFFLINE, OfflineSourceFinder),
    (SourcesProvider.SEMANTIC_SCHOLAR, SemanticScholarSourceFinder),
    (SourcesProvider.OPENALEX, OpenAlexSourceFinder),
    (SourcesProvider.BOTH, MergedSourceFinder),
])
async def test_each_setting_serves_its_finder(chosen: SourcesProvider, served: type) -> None:
    settings = Settings(environment=Environment.TEST, sources_provider=chosen)
    container = make_async_container(ConfigProvider(settings), GenerationProvider())
    try:
        assert type(await container.get(SourceFinder)) is served
    finally:
        await container.close()
