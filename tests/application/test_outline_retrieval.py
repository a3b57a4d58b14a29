"""The outline step searches each section's queries and merges what they find into the
document's numbered sources."""

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.fake_sources import ScriptedSourceFinder, found
from tests.memory_container import Fakes

from application.auth.authenticate import Authenticate
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.generation.generate_outline import GenerateOutline
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.languages import Language
from domain.ports.sources import SourcesUnavailable

OUTLINE = {"sections": [
    {"title": "Introduction", "target_words": 1000, "brief": "Why.", "queries": ["why"]},
    {"title": "Cables", "target_words": 7000, "brief": "Cables.",
     "queries": ["cables", "câbles"]},
    {"title": "Conclusion", "target_words": 1000, "brief": "So.", "queries": ["so"]}]}


@pytest.fixture
def model() -> ScriptedLanguageModel:
    return ScriptedLanguageModel()


@pytest.fixture
def finder() -> ScriptedSourceFinder:
    return ScriptedSourceFinder()


@pytest.fixture
def fakes(model, finder) -> Fakes:
    return Fakes(model=model, finder=finder)


async def planned(run, fakes, model, words: int = 9000):  # type: ignore[no-untyped-def]
    user = await run(Authenticate, (await sign_in(run, fakes)).access_token)
    spec = DocumentSpec(title="Bridges", topic="Suspension bridges", kind=Kind.THESIS,
                        language=Language("uk"), target_words=words,
                        citation_style=CitationStyle.IEEE)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=spec))
    model.outlines.append(OUTLINE)
    return user, document, run(GenerateOutline, user.id, document.id)


async def test_every_query_of_every_section_is_searched(run, fakes, model, finder) -> None:
    _, _, outlining = await planned(run, fakes, model)
    document = await outlining

    assert [q for q, _ in finder.asked] == ["why", "cables", "câbles", "so"]
    assert [o.brief for o in document.outline] == ["Why.", "Cables.", "So."]
    assert document.outline[1].queries == ("cables", "câbles")


async def test_each_section_keeps_the_numbers_its_own_queries_found(run, fakes, model,
                                                                     finder) -> None:
    shared = found("Shared work", doi="10.5/shared", cited_by=10)
    finder.answers = {"why": [found("Why A"), shared], "cables": [found("Cable A"), shared],
                      "câbles": [found("Câble B")], "so": []}
    _, _, outlining = await planned(run, fakes, model)
    document = await outlining

    numbers = {s.title: s.n for s in document.sources}
    assert len(document.sources) == 4  # the shared work is one source
    assert document.outline[0].sources == (numbers["Why A"], numbers["Shared work"])
    assert document.outline[1].sources == (numbers["Cable A"], numbers["Câble B"],
                                           numbers["Shared work"])
    assert document.outline[2].sources == ()
    assert {s.abstract for s in document.sources} >= {"Why A is studied here."}


async def test_the_number_of_sources_follows_the_length(run, fakes, model, finder) -> None:
    finder.answers = {q: [found(f"{q} {i}") for i in range(40)]
                      for q in ("why", "cables", "câbles", "so")}
    _, _, outlining = await planned(run, fakes, model, words=9000)
    document = await outlining

    assert len(document.sources) == 23  # ceil(9000 / 400)
    assert {limit for _, limit in finder.asked} == {12}  # twice the need, shared by 4


async def test_a_failed_search_finds_nothing_and_the_rest_still_count(run, fakes, model,
                                                                       finder) -> None:
    finder.failing = {"cables"}
    _, _, outlining = await planned(run, fakes, model)
    document = await outlining

    assert document.outline[1].sources  # "câbles" still found some
    assert document.sources


async def test_when_every_search_fails_the_step_fails_and_is_charged_nothing(
        run, fakes, model, finder) -> None:
    finder.failing = {"*"}
    user, document, outlining = await planned(run, fakes, model)
    before = await run(GetBalance, user.id)

    with pytest.raises(SourcesUnavailable):
        await outlining

    after = await run(GetBalance, user.id)
    assert after.reserved == 0
    assert after.credits == before.credits
    assert len(model.prompts) == 1  # the model did answer; a failed step costs nothing
    assert fakes.db.tables["documents"][document.id].outline == ()
