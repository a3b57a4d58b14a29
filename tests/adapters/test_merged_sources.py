"""MergedSourceFinder and `interleaved` over in-memory providers: the rules, without HTTP."""

import asyncio

import pytest

from adapters.sources.interleave import better, interleaved
from adapters.sources.merged import MergedSourceFinder
from domain.document_parts import Provider
from domain.languages import Language
from domain.ports.sources import SourceFinder, SourcesUnavailable
from domain.sources import FoundWork

EN = Language("en")


def a_work(title: str, *, year: int | None = 2020, doi: str | None = None,
           abstract: str | None = None, cited_by: int | None = None,
           provider: Provider = Provider.SEMANTIC_SCHOLAR) -> FoundWork:
    return FoundWork(title=title, authors=("A. Author",), year=year, venue=None, doi=doi,
                     url=None, abstract=abstract, provider=provider, cited_by=cited_by)


class ScriptedFinder(SourceFinder):
    """Answers each search with `works`, or raises `error`; counts the searches."""

    def __init__(self, works: list[FoundWork] | None = None,
                 error: BaseException | None = None) -> None:
        self.works, self.error, self.searches = works or [], error, 0
        self.started = asyncio.Event()
        self.wait_for: asyncio.Event | None = None

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        self.searches += 1
        self.started.set()
        if self.wait_for is not None:
            await self.wait_for.wait()
        if self.error is not None:
            raise self.error
        return self.works[:limit]


def test_answers_interleave_by_rank() -> None:
    s2 = [a_work("A"), a_work("B"), a_work("C")]
    oa = [a_work("X", provider=Provider.OPENALEX)]

    assert [w.title for w in interleaved([s2, oa], 10)] == ["A", "X", "B", "C"]
    assert [w.title for w in interleaved([s2, oa], 2)] == ["A", "X"]
    assert interleaved([[], []], 5) == []


def test_a_doi_decides_and_a_title_only_matters_when_one_record_has_none() -> None:
    first = [a_work("Introduction", doi="10.1/one"), a_work("Rivers", doi="10.1/r")]
    second = [a_work("Introduction", doi="10.1/two"), a_work("RIVERS!"),
              a_work("Rivers", year=2021), a_work("Another title", doi="HTTPS://doi.org/10.1/R")]

    merged = interleaved([first, second], 10)

    assert [(w.title, w.year, w.doi) for w in merged] == [
        ("Introduction", 2020, "10.1/one"), ("Introduction", 2020, "10.1/two"),
        ("Rivers", 2020, "10.1/r"), ("Rivers", 2021, None)]


def test_the_kept_record_has_the_abstract_and_the_larger_count() -> None:
    bare = a_work("Rivers", doi="10.1/r", cited_by=900)
    rich = a_work("Rivers", abstract="Rivers flow.", cited_by=12, provider=Provider.OPENALEX)

    for kept in (better(bare, rich), better(rich, bare)):
        assert (kept.abstract, kept.provider, kept.doi, kept.cited_by) == (
            "Rivers flow.", Provider.OPENALEX, "10.1/r", 900)
    more_cited = better(a_work("R", cited_by=1),
                        a_work("R", cited_by=5, provider=Provider.OPENALEX))
    assert more_cited.provider is Provider.OPENALEX
    assert better(a_work("R"), a_work("R")).cited_by is None


async def test_the_providers_are_asked_at_once() -> None:
    s2, oa = ScriptedFinder([a_work("A")]), ScriptedFinder([a_work("X")])
    s2.wait_for = oa.started  # a sequential finder would wait here for ever
    finder = MergedSourceFinder([("S2", s2), ("OA", oa)])

    works = await asyncio.wait_for(finder.search("rivers", language=EN, limit=5), 2)

    assert [w.title for w in works] == ["A", "X"]


async def test_a_bug_in_a_provider_is_raised_not_stood_in_for() -> None:
    finder = MergedSourceFinder([("S2", ScriptedFinder(error=KeyError("bug"))),
                                 ("OA", ScriptedFinder([a_work("X")]))])

    with pytest.raises(KeyError):
        await finder.search("rivers", language=EN, limit=5)


async def test_an_open_breaker_answers_without_asking_and_both_open_is_unavailable() -> None:
    down = ScriptedFinder(error=SourcesUnavailable("S2 said 503"))
    also_down = ScriptedFinder(error=SourcesUnavailable("OA said 500"))
    finder = MergedSourceFinder([("S2", down), ("OA", also_down)], failure_threshold=1,
                                clock=lambda: 0.0)
    with pytest.raises(SourcesUnavailable, match=r"S2 said 503.*OA said 500"):
        await finder.search("rivers", language=EN, limit=5)

    with pytest.raises(SourcesUnavailable, match="S2 failed repeatedly"):
        await finder.search("rivers", language=EN, limit=5)

    assert (down.searches, also_down.searches) == (1, 1)


async def test_a_cancelled_search_leaves_the_breaker_free_to_probe() -> None:
    now = [0.0]
    flaky = ScriptedFinder(error=SourcesUnavailable("503"))
    finder = MergedSourceFinder([("S2", flaky), ("OA", ScriptedFinder([a_work("X")]))],
                                failure_threshold=1, reset_after_s=10, clock=lambda: now[0])
    await finder.search("rivers", language=EN, limit=5)  # opens S2's breaker
    now[0] = 10.0
    flaky.error, flaky.wait_for = None, asyncio.Event()  # the probe hangs...
    flaky.started.clear()
    probe = asyncio.create_task(finder.search("rivers", language=EN, limit=5))
    await flaky.started.wait()
    probe.cancel()  # ...and the caller gives up on it
    with pytest.raises(asyncio.CancelledError):
        await probe

    flaky.wait_for, flaky.works = None, [a_work("A")]
    works = await finder.search("rivers", language=EN, limit=5)

    assert [w.title for w in works] == ["A", "X"]
    assert flaky.searches == 3  # the first failure, the cancelled probe, the probe after it
