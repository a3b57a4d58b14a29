"""SOURCES_PROVIDER=both: MergedSourceFinder over the local Semantic Scholar and OpenAlex."""

from collections.abc import Iterator

import pytest
from tests.integration.scholar_payloads import a_paper, a_work
from tests.integration.scholar_servers import OpenAlexTestServer, Reply, SemanticScholarTestServer

from adapters.sources.merged import MergedSourceFinder
from adapters.sources.openalex import OpenAlexSourceFinder
from adapters.sources.semantic_scholar import SemanticScholarSourceFinder
from domain.document_parts import Provider
from domain.languages import Language
from domain.ports.sources import SourcesUnavailable

EN = Language("en")
ABSTRACT = "Deep learning allows computational models to learn representations of data."
S2_LECUN = a_paper("Deep learning", authors=("Yann LeCun",), year=2015, venue="Nature",
                   doi="10.1038/NATURE14539", citations=48210)
OA_LECUN = a_work("Deep Learning", authors=("Yann LeCun", "Yoshua Bengio"), year=2015,
                  venue="Nature", doi="10.1038/nature14539", abstract=ABSTRACT, cited_by=52301)
S2_VASWANI = a_paper("Attention is All you Need", year=2017, citations=90000,
                     abstract="The dominant sequence transduction models are recurrent.")
OA_VASWANI = a_work("Attention is all you need", year=2017, doi="10.48550/arxiv.1706.03762",
                    cited_by=80000)
S2_ONLY = a_paper("Gradient-based learning applied to document recognition", year=1998)
OA_ONLY = a_work("Learning representations by back-propagating errors", year=1986)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[SemanticScholarTestServer, OpenAlexTestServer]]:
    with SemanticScholarTestServer() as s2, OpenAlexTestServer() as openalex:
        yield s2, openalex


@pytest.fixture
def s2(servers) -> Iterator[SemanticScholarTestServer]:
    server = servers[0]
    server.papers = [S2_LECUN, S2_VASWANI, S2_ONLY]
    yield server
    server.reset()


@pytest.fixture
def openalex(servers) -> Iterator[OpenAlexTestServer]:
    server = servers[1]
    server.works = [OA_LECUN, OA_VASWANI, OA_ONLY]
    yield server
    server.reset()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def finder(s2, openalex, client, sleep, clock) -> MergedSourceFinder:
    return MergedSourceFinder(
        [("Semantic Scholar", SemanticScholarSourceFinder(
            client=client, base_url=s2.base_url, max_attempts=2, sleep=sleep)),
         ("OpenAlex", OpenAlexSourceFinder(
             client=client, base_url=openalex.base_url, max_attempts=2, sleep=sleep))],
        failure_threshold=2, reset_after_s=60, clock=clock)


async def test_both_answers_are_interleaved_and_each_work_kept_once_at_its_best(finder):
    works = await finder.search("deep learning", language=EN, limit=10)

    assert [work.title for work in works] == [
        "Deep Learning", "Attention is All you Need",
        "Gradient-based learning applied to document recognition",
        "Learning representations by back-propagating errors"]
    lecun, vaswani = works[:2]
    # The same DOI: OpenAlex's record, which has the abstract, with the larger count.
    assert (lecun.provider, lecun.abstract, lecun.cited_by) == (
        Provider.OPENALEX, ABSTRACT, 52301)
    assert lecun.authors == ("Yann LeCun", "Yoshua Bengio")
    # The same title and year, one without a DOI: Semantic Scholar's record (the abstract),
    # completed with OpenAlex's DOI.
    assert (vaswani.provider, vaswani.doi, vaswani.cited_by) == (
        Provider.SEMANTIC_SCHOLAR, "10.48550/arxiv.1706.03762", 90000)


async def test_the_limit_caps_the_merged_list(finder, s2, openalex):
    works = await finder.search("deep learning", language=EN, limit=2)

    assert [work.title for work in works] == ["Deep Learning", "Attention is All you Need"]
    assert s2.requests[0].params["limit"] == "2"
    assert openalex.requests[0].params["per-page"] == "2"


@pytest.mark.parametrize("status", [429, 500])
async def test_openalex_stands_in_while_semantic_scholar_keeps_failing(
        finder, s2, openalex, status):
    s2.plan(*[Reply.error(status, headers={"Retry-After": "1"})] * 2)

    works = await finder.search("deep learning", language=EN, limit=10)

    assert [work.provider for work in works] == [Provider.OPENALEX] * 3
    assert len(s2.requests) == 2  # its own retries, then it gave up
    assert s2.planned == 0


@pytest.mark.parametrize("status", [429, 503])
async def test_semantic_scholar_stands_in_while_openalex_keeps_failing(
        finder, s2, openalex, status):
    openalex.plan(*[Reply.error(status)] * 2)

    works = await finder.search("deep learning", language=EN, limit=10)

    assert [work.title for work in works] == [
        "Deep learning", "Attention is All you Need",
        "Gradient-based learning applied to document recognition"]
    assert {work.provider for work in works} == {Provider.SEMANTIC_SCHOLAR}


async def test_a_dead_provider_is_skipped_then_probed_again(finder, s2, openalex, clock):
    s2.plan(*[Reply.error(503)] * 4)
    for _ in range(2):  # two failed searches open its breaker
        await finder.search("deep learning", language=EN, limit=10)
    assert len(s2.requests) == 4

    works = await finder.search("deep learning", language=EN, limit=10)

    assert len(s2.requests) == 4  # not asked at all while the breaker is open
    assert {work.provider for work in works} == {Provider.OPENALEX}
    clock.now += 60
    probed = await finder.search("deep learning", language=EN, limit=10)
    assert len(s2.requests) == 5  # the probe, which it answers: closed again
    assert Provider.SEMANTIC_SCHOLAR in {work.provider for work in probed}


async def test_both_down_is_sources_unavailable_naming_both(finder, s2, openalex):
    s2.plan(*[Reply.error(500)] * 2)
    openalex.plan(*[Reply.error(429)] * 2)

    with pytest.raises(SourcesUnavailable) as raised:
        await finder.search("deep learning", language=EN, limit=10)

    assert "Semantic Scholar" in str(raised.value) and "OpenAlex" in str(raised.value)


async def test_a_blank_query_asks_nobody(finder, s2, openalex):
    assert await finder.search("   ", language=EN, limit=10) == []
    assert await finder.search("deep learning", language=EN, limit=0) == []
    assert s2.requests == [] and openalex.requests == []
