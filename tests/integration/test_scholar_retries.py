"""The retry policy shared by the scholarly search adapters (`http_retry`), through one of them."""

from collections.abc import Iterator

import pytest
from tests.integration.scholar_servers import Reply, SemanticScholarTestServer
from tests.smtp_server import free_port

from adapters.sources.semantic_scholar import SemanticScholarSourceFinder
from domain.languages import Language
from domain.ports.sources import SourcesUnavailable

EN = Language("en")


@pytest.fixture(scope="module")
def module_server() -> Iterator[SemanticScholarTestServer]:
    with SemanticScholarTestServer() as server:
        yield server


@pytest.fixture
def server(module_server: SemanticScholarTestServer) -> Iterator[SemanticScholarTestServer]:
    yield module_server
    module_server.reset()


@pytest.fixture
def finder(server, client, sleep) -> SemanticScholarSourceFinder:
    return SemanticScholarSourceFinder(client=client, base_url=server.base_url, sleep=sleep)


async def test_a_retry_after_beyond_the_limit_is_not_waited_for(finder, server, sleep):
    server.plan(Reply.error(429, headers={"Retry-After": "3600"}))

    with pytest.raises(SourcesUnavailable):
        await finder.search("deep learning", language=EN, limit=1)

    assert sleep.delays == []


async def test_a_timeout_is_retried(finder, server, sleep):
    server.plan(Reply.stall(6.0))

    works = await finder.search("deep learning", language=EN, limit=1)

    assert len(works) == 1
    assert len(sleep.delays) == 1


async def test_an_unreachable_server_is_retried_then_unavailable(client, sleep):
    finder = SemanticScholarSourceFinder(client=client, base_url=f"http://127.0.0.1:{free_port()}",
                                         max_attempts=2, sleep=sleep)

    with pytest.raises(SourcesUnavailable, match="ConnectError"):
        await finder.search("deep learning", language=EN, limit=1)

    assert len(sleep.delays) == 1


async def test_a_body_that_is_not_json_is_unavailable_without_retry(finder, server, sleep):
    server.plan(Reply.raw("<html>Bad gateway page</html>"))

    with pytest.raises(SourcesUnavailable, match="invalid JSON"):
        await finder.search("deep learning", language=EN, limit=1)

    assert sleep.delays == []
