from collections.abc import Iterator

import pytest
from tests.integration.scholar_payloads import a_paper
from tests.integration.scholar_servers import Reply, SemanticScholarTestServer

from adapters.sources.payload import MAX_ABSTRACT_CHARS
from adapters.sources.semantic_scholar import SemanticScholarSourceFinder
from domain.document_parts import Provider
from domain.languages import Language
from domain.ports.sources import SourcesUnavailable
from domain.sources import FoundWork

EN = Language("en")
LECUN = a_paper("Deep learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
                year=2015, venue="Nature", doi="10.1038/NATURE14539",
                abstract="Deep learning allows computational models\n that are composed of "
                         "multiple processing layers to learn representations of data.",
                citations=48210)
VASWANI = a_paper("Attention is All you Need", authors=("Ashish Vaswani", "Noam M. Shazeer"),
                  year=2017, venue="Neural Information Processing Systems", citations=0)
UNDATED = a_paper("  An  undated   working paper ", venue="", citations=None)
UNTITLED = a_paper(None, authors=("Nobody",), year=2020)


@pytest.fixture(scope="module")
def module_server() -> Iterator[SemanticScholarTestServer]:
    with SemanticScholarTestServer() as server:
        yield server


@pytest.fixture
def server(module_server: SemanticScholarTestServer) -> Iterator[SemanticScholarTestServer]:
    module_server.papers = [LECUN, VASWANI, UNDATED, UNTITLED]
    yield module_server
    module_server.reset()


@pytest.fixture
def finder(server, client, sleep) -> SemanticScholarSourceFinder:
    return SemanticScholarSourceFinder(client=client, base_url=server.base_url, sleep=sleep)


async def test_papers_map_to_found_works_and_untitled_ones_are_left_out(finder):
    works = await finder.search("deep learning", language=EN, limit=10)

    assert works == [
        FoundWork(title="Deep learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
                  year=2015, venue="Nature", doi="10.1038/nature14539", url=LECUN["url"],
                  abstract="Deep learning allows computational models that are composed of "
                           "multiple processing layers to learn representations of data.",
                  provider=Provider.SEMANTIC_SCHOLAR, cited_by=48210),
        FoundWork(title="Attention is All you Need", authors=("Ashish Vaswani", "Noam M. Shazeer"),
                  year=2017, venue="Neural Information Processing Systems", doi=None,
                  url=VASWANI["url"], provider=Provider.SEMANTIC_SCHOLAR, cited_by=0),
        FoundWork(title="An undated working paper", authors=(), year=None, venue=None, doi=None,
                  url=UNDATED["url"], provider=Provider.SEMANTIC_SCHOLAR),
    ]


async def test_odd_abstracts_and_counts_are_absent_and_huge_abstracts_are_cut(finder, server):
    server.papers = [{**LECUN, "abstract": {"text": "not a string"}, "citationCount": -3},
                     {**VASWANI, "abstract": "   ", "citationCount": True},
                     {**UNDATED, "abstract": "word " * 5_000, "citationCount": "12"}]

    works = await finder.search("deep learning", language=EN, limit=10)

    assert [(work.abstract, work.cited_by) for work in works[:2]] == [(None, None), (None, None)]
    cut = works[2].abstract
    assert cut is not None and len(cut) <= MAX_ABSTRACT_CHARS and cut.endswith("word")
    assert works[2].cited_by is None


async def test_the_request_asks_for_the_fields_it_maps(finder, server):
    await finder.search("transformer-based  language models", language=EN, limit=3)

    [request] = server.requests
    assert request.path == "/graph/v1/paper/search"
    assert request.params == {"query": "transformer based language models", "limit": "3",
                              "fields": "title,authors,year,venue,externalIds,url,abstract,"
                                        "citationCount"}
    assert "x-api-key" not in request.headers


async def test_the_api_key_travels_in_its_header(server, client):
    finder = SemanticScholarSourceFinder(client=client, base_url=server.base_url, api_key="k-1")

    await finder.search("deep learning", language=EN, limit=1)

    assert server.requests[0].headers["x-api-key"] == "k-1"


async def test_limit_caps_the_answer_and_nothing_is_asked_for_no_works(finder, server):
    assert len(await finder.search("deep learning", language=EN, limit=1)) == 1
    assert await finder.search("deep learning", language=EN, limit=0) == []
    assert await finder.search("   ", language=EN, limit=5) == []
    assert len(server.requests) == 1


async def test_no_results_is_an_empty_list(finder, server):
    server.plan(Reply.json({"total": 0, "offset": 0}), Reply.json({"total": 0, "data": []}))

    assert await finder.search("nothing matches", language=EN, limit=5) == []
    assert await finder.search("nothing matches", language=EN, limit=5) == []


async def test_429_waits_as_long_as_retry_after_says_then_succeeds(finder, server, sleep):
    server.plan(Reply.error(429, "Too Many Requests", headers={"Retry-After": "3"}))

    works = await finder.search("deep learning", language=EN, limit=1)

    assert [work.title for work in works] == ["Deep learning"]
    assert sleep.delays == [3.0]
    assert len(server.requests) == 2


async def test_a_storm_of_5xx_ends_in_sources_unavailable_after_bounded_attempts(
        finder, server, sleep):
    server.plan(*[Reply.error(503, "Service Unavailable")] * 10)

    with pytest.raises(SourcesUnavailable, match="4 attempt"):
        await finder.search("deep learning", language=EN, limit=1)

    assert len(server.requests) == 4
    assert len(sleep.delays) == 3
    assert all(0 <= delay <= 8 for delay in sleep.delays)


async def test_a_400_is_not_retried(finder, server, sleep):
    server.plan(Reply.error(400, body={"error": "Unrecognized or unsupported fields: [bogus]"}))

    with pytest.raises(SourcesUnavailable, match="HTTP 400"):
        await finder.search("deep learning", language=EN, limit=1)

    assert len(server.requests) == 1
    assert sleep.delays == []
