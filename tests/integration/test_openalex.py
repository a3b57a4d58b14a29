
from collections.abc import Iterator

import pytest
from tests.integration.scholar_payloads import a_work
from tests.integration.scholar_servers import OpenAlexTestServer, Reply

from adapters.sources.openalex import SELECT, OpenAlexSourceFinder
from domain.document_parts import Provider
from domain.languages import Language
from domain.ports.sources import SourcesUnavailable
from domain.sources import FoundWork

EN, UK = Language("en"), Language("uk")
LECUN = a_work("Deep learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
               year=2015, venue="Nature", doi="10.1038/nature14539",
               landing_page_url="https://www.nature.com/articles/nature14539",
               abstract="Deep learning allows computational models that are composed of "
                        "multiple processing layers to learn representations of data.",
               cited_by=52301)
UKRAINIAN = a_work("Глибинне навчання в освіті", authors=("Олена Коваль",), year=2021,
                   venue="Інформаційні технології і засоби навчання", language="uk",
                   abstract="Стаття розглядає глибинне навчання в освіті.", cited_by=0)
NO_LOCATION = a_work("A report without a home", year=1999)
UNTITLED = a_work(None, authors=("Nobody",), year=2020)
LECUN_AGAIN = a_work("Deep Learning.", venue="Nature", doi="10.1038/NATURE14539")


@pytest.fixture(scope="module")
def module_server() -> Iterator[OpenAlexTestServer]:
    with OpenAlexTestServer() as server:
        yield server


@pytest.fixture
def server(module_server: OpenAlexTestServer) -> Iterator[OpenAlexTestServer]:
    module_server.works = [LECUN, UKRAINIAN, NO_LOCATION, UNTITLED]
    yield module_server
    module_server.reset()


@pytest.fixture
def finder(server, client, sleep) -> OpenAlexSourceFinder:
    return OpenAlexSourceFinder(client=client, base_url=server.base_url, sleep=sleep)


async def test_works_map_to_found_works_and_untitled_ones_are_left_out(finder):
    works = await finder.search("deep learning", language=EN, limit=10)

    assert works == [
        FoundWork(title="Deep learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
                  year=2015, venue="Nature", doi="10.1038/nature14539",
                  url="https://www.nature.com/articles/nature14539",
                  abstract="Deep learning allows computational models that are composed of "
                           "multiple processing layers to learn representations of data.",
                  provider=Provider.OPENALEX, cited_by=52301),
        FoundWork(title="A report without a home", authors=(), year=1999, venue=None, doi=None,
                  url=NO_LOCATION["id"], provider=Provider.OPENALEX, cited_by=1200),
        FoundWork(title="Глибинне навчання в освіті", authors=("Олена Коваль",), year=2021,
                  venue="Інформаційні технології і засоби навчання", doi=None,
                  url=UKRAINIAN["id"], abstract="Стаття розглядає глибинне навчання в освіті.",
                  provider=Provider.OPENALEX, cited_by=0),
    ]


async def test_an_abstract_with_words_out_of_order_is_put_back_in_order(finder, server):
    scrambled = {"layers": [4], "Deep": [0], "with": [3], "learning": [1, 5], "works": [2]}
    server.works = [{**LECUN, "abstract_inverted_index": scrambled, "cited_by_count": -1}]

    [work] = await finder.search("deep learning", language=EN, limit=1)

    assert work.abstract == "Deep learning works with layers learning"
    assert work.cited_by is None


async def test_the_first_search_filters_by_the_document_language(finder, server):
    await finder.search("глибинне навчання", language=UK, limit=1)

    [request] = server.requests
    assert request.path == "/works"
    assert request.params == {"search": "глибинне навчання", "per-page": "1",
                              "filter": "language:uk", "select": SELECT}
    assert {"abstract_inverted_index", "cited_by_count"} <= set(SELECT.split(","))


async def test_too_few_in_the_language_are_topped_up_without_repeats(finder, server):
    server.works = [LECUN, UKRAINIAN, LECUN_AGAIN, NO_LOCATION]
    server.plan(Reply(), Reply.json({"meta": {"count": 4}, "results": [UKRAINIAN, LECUN,
                                                                     LECUN_AGAIN, NO_LOCATION]}))

    works = await finder.search("deep learning", language=UK, limit=3)

    assert [work.title for work in works] == [
        "Глибинне навчання в освіті", "Deep learning", "A report without a home"]
    first, second = server.requests
    assert first.params["filter"] == "language:uk"
    assert "filter" not in second.params
    assert second.params["per-page"] == "3"


async def test_mailto_joins_the_polite_pool(server, client):
    finder = OpenAlexSourceFinder(client=client, base_url=server.base_url, mailto="ops@tesigo.test")

    await finder.search("deep learning", language=EN, limit=1)

    assert server.requests[0].params["mailto"] == "ops@tesigo.test"


async def test_no_results_anywhere_is_an_empty_list(finder, server):
    server.works = []

    assert await finder.search("nothing matches", language=UK, limit=5) == []
    assert len(server.requests) == 2


async def test_429_waits_as_long_as_retry_after_says_then_succeeds(finder, server, sleep):
    server.plan(Reply.error(429, headers={"Retry-After": "2"}))

    works = await finder.search("deep learning", language=EN, limit=1)

    assert [work.title for work in works] == ["Deep learning"]
    assert sleep.delays == [2.0]


async def test_a_storm_of_5xx_ends_in_sources_unavailable_after_bounded_attempts(
        server, client, sleep):
    finder = OpenAlexSourceFinder(client=client, base_url=server.base_url, max_attempts=3,
                                  sleep=sleep)
    server.plan(*[Reply.error(500, "Internal Server Error")] * 10)

    with pytest.raises(SourcesUnavailable, match="3 attempt"):
        await finder.search("deep learning", language=EN, limit=1)

    assert len(server.requests) == 3
    assert len(sleep.delays) == 2


async def test_a_400_is_not_retried(finder, server, sleep):
    server.plan(Reply.error(400, body={"error": "Invalid query parameters error."}))

    with pytest.raises(SourcesUnavailable, match="HTTP 400"):
        await finder.search("deep learning", language=EN, limit=1)

    assert len(server.requests) == 1
    assert sleep.delays == []


async def test_a_large_limit_asks_for_the_largest_page(finder, server):
    await finder.search("deep learning", language=EN, limit=500)

    assert server.requests[0].params["per-page"] == "200"
