import re
from uuid import uuid4

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes

from application.auth.authenticate import Authenticate
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import InvalidTransition, NotFound
from domain.languages import Language
from domain.ports.language_model import InvalidModelOutput, LanguageModelUnavailable
from domain.quota import DailyLimitReached, InsufficientCredits, LimitKind

SPEC = DocumentSpec(title="Bridges", topic="Suspension bridge engineering", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500,
                    citation_style=CitationStyle.IEEE)


@pytest.fixture
def model() -> ScriptedLanguageModel:
    return ScriptedLanguageModel()


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


async def a_document(run, fakes, email="ada@example.com"):
    pair = await sign_in(run, fakes, email)
    user = await run(Authenticate, pair.access_token)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    return user, document


async def test_outline_budgets_sum_to_the_target_and_sources_are_numbered(run, fakes) -> None:
    user, document = await a_document(run, fakes)
    planned = await run(GenerateOutline, user.id, document.id)
    assert [o.title for o in planned.outline] == ["Introduction", "Loads and materials",
                                                  "Conclusion"]
    assert sum(o.target_words for o in planned.outline) == 1500
    assert [s.n for s in planned.sources] == list(range(1, len(planned.sources) + 1))
    assert planned.sources


async def test_a_section_keeps_only_citations_that_resolve(run, fakes, model) -> None:
    user, document = await a_document(run, fakes)
    planned = await run(GenerateOutline, user.id, document.id)
    model.texts.append("Cables carry the deck [1]. A claim [99]. Towers [2, 77].")
    section = await run(GenerateSection, GenerateSectionRequest(
        owner=user.id, document_id=document.id, index=1))
    assert section.text == "Cables carry the deck [1]. A claim. Towers [2]."
    assert section.citations == (1, 2)
    assert len(planned.sources) >= 2
    stored = fakes.db.tables["documents"][document.id]
    assert len(stored.bibliography) == 2
    assert planned.sources[0].title in stored.bibliography[0]
    assert "OUTLINE:" in model.prompts[-1].user


async def test_the_framing_sections_see_the_body_and_the_body_sees_briefs(run, fakes,
                                                                            model) -> None:
    user, document = await a_document(run, fakes)
    model.outlines.append({"sections": [
        {"title": "Introduction", "target_words": 300, "brief": "Why bridges.",
         "queries": ["bridges"]},
        {"title": "Loads", "target_words": 900, "brief": "Dead and live loads.",
         "queries": ["bridge loads", "live load"]},
        {"title": "Conclusion", "target_words": 300, "brief": "What follows.",
         "queries": ["bridges"]}]})
    planned = await run(GenerateOutline, user.id, document.id)
    assert [o.queries for o in planned.outline] == [("bridges",), ("bridge loads", "live load"),
                                                    ("bridges",)]
    model.texts.extend(["Suspension bridges hang their decks from cables [1].", "Done [2]."])
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=2))
    body = model.prompts[-1].user
    assert "2. Loads (900 words): Dead and live loads." in body
    assert "1. Introduction (300 words): Why bridges." in body  # the others' briefs
    assert "BODY_SUMMARIES" not in body
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=3))
    assert "BODY_SUMMARIES:\n2. Loads: Suspension bridges hang their decks" in \
        model.prompts[-1].user


async def test_sections_need_an_outline_and_a_planned_index(run, fakes) -> None:
    user, document = await a_document(run, fakes)
    with pytest.raises(InvalidTransition):
        await run(GenerateSection, GenerateSectionRequest(owner=user.id,
                                                          document_id=document.id, index=1))
    await run(GenerateOutline, user.id, document.id)
    with pytest.raises(NotFound):
        await run(GenerateSection, GenerateSectionRequest(owner=user.id,
                                                          document_id=document.id, index=9))


async def test_usage_is_charged_and_the_rest_released(run, fakes, model) -> None:
    user, document = await a_document(run, fakes)
    before = await run(GetBalance, user.id)
    await run(GenerateOutline, user.id, document.id)
    after = await run(GetBalance, user.id)
    assert after.reserved == 0
    assert 0 < before.credits - after.credits <= after.used_today
    assert after.used_today == before.credits - after.credits


async def test_a_failed_call_is_released_and_not_charged(run, fakes, model) -> None:
    user, document = await a_document(run, fakes)
    before = await run(GetBalance, user.id)
    model.down = True
    with pytest.raises(LanguageModelUnavailable):
        await run(GenerateOutline, user.id, document.id)
    after = await run(GetBalance, user.id)
    assert (after.credits, after.reserved, after.used_today) == (before.credits, 0, 0)


async def test_an_unusable_outline_is_a_clear_error(run, fakes, model) -> None:
    user, document = await a_document(run, fakes)
    model.outlines.append({"sections": []})
    with pytest.raises(InvalidModelOutput):
        await run(GenerateOutline, user.id, document.id)
    assert (await run(GetBalance, user.id)).reserved == 0


async def test_no_call_reaches_the_model_past_the_daily_limit(fakes, model) -> None:
    from tests.application.conftest import Run
    from tests.memory_container import memory_container, settings_for

    container = memory_container(fakes, settings_for(daily_token_limit=50))
    run = Run(container)
    user, document = await a_document(run, fakes)
    with pytest.raises(DailyLimitReached) as refused:
        await run(GenerateOutline, user.id, document.id)
    assert refused.value.limit is LimitKind.DAILY and refused.value.resets_at
    assert model.prompts == []
    await container.close()


async def test_no_credits_no_call(fakes, model) -> None:
    from tests.application.conftest import Run
    from tests.memory_container import memory_container, settings_for

    container = memory_container(fakes, settings_for(signup_credits=10))
    run = Run(container)
    user, document = await a_document(run, fakes)
    with pytest.raises(InsufficientCredits):
        await run(GenerateOutline, user.id, document.id)
    assert model.prompts == []
    await container.close()


def test_prompts_carry_the_machine_readable_facts() -> None:
    from tests.builders import NOW

    from application.generation.prompts import outline_prompt
    from domain.documents import Document, Source
    from domain.ids import DocumentId, UserId

    document = Document.draft(id=DocumentId(uuid4()), owner=UserId(uuid4()), spec=SPEC, now=NOW)
    source = Source(n=1, title="Cable structures", authors=("Irvine",), year=1981,
                    venue=None, doi=None, url=None)
    prompt = outline_prompt(document, 4).user
    assert re.search(r"^TARGET_WORDS: 1500$", prompt, re.M)
    assert re.search(r"^SECTION_COUNT: 4$", prompt, re.M)
    assert "search queries" in prompt
    from dataclasses import replace

    from application.generation.prompts import section_prompt
    from domain.documents import OutlineItem

    item = OutlineItem(index=1, title="Cables", target_words=400, brief="Cable statics.",
                       queries=("cable statics",), sources=(1,))
    with_outline = replace(document, outline=(item,),
                           sources=(replace(source, abstract="Cables sag  under load."),))
    written = section_prompt(with_outline, item).user
    assert "[1] Cable structures (1981)" in written
    assert "ABSTRACTS:\n[1] Cables sag under load." in written
    assert "SECTION_BRIEF: Cable statics." in written
