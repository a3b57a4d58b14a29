"""Jobs that rewrite chosen sections, jobs refused up front because they cannot fit, and
partial jobs that write what fits and stop saying so."""

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes, settings_for

from application.auth.authenticate import Authenticate
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.generation.estimate import EstimateGeneration, GenerationEstimator
from application.generation.fit import GenerationDoesNotFit
from application.generation.generate_outline import GenerateOutline
from application.generation.policy import GenerationPolicy
from application.jobs.claim_jobs import ClaimJobs
from application.jobs.run_job import RunJob
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, DocumentStatus, Kind
from domain.errors import InvalidInput, InvalidTransition
from domain.jobs import JobState
from domain.languages import Language
from domain.pages import PageRequest
from domain.ports.jobs import JobRepository
from domain.ports.quota import QuotaLedger
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.transactions import TransactionManager
from domain.quota import InsufficientCredits, LedgerReason, LimitKind
from entrypoints.config import Settings

SPEC = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)
RICH = 10**9
SIGNUP = 100_000
FOUR = {"sections": [  # the introduction and the conclusion cost far more than the body
    {"title": "Introduction", "target_words": 1000, "brief": "Why bridges", "queries": ["a"]},
    {"title": "Loads", "target_words": 100, "brief": "Loads", "queries": ["b"]},
    {"title": "Materials", "target_words": 100, "brief": "Materials", "queries": ["c"]},
    {"title": "Conclusion", "target_words": 1000, "brief": "What holds", "queries": ["d"]}]}


@pytest.fixture
def model() -> ScriptedLanguageModel:
    return ScriptedLanguageModel()


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


@pytest.fixture
def settings() -> Settings:
    return settings_for(signup_credits=SIGNUP)


async def a_user(run, fakes, email="ada@example.com"):
    return await run(Authenticate, (await sign_in(run, fakes, email)).access_token)


async def an_outlined_document(run, fakes, model, user, outline=None, spec=SPEC):
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=spec))
    if outline:
        model.outlines.append(outline)
    await run(GenerateOutline, user.id, document.id)
    return await run(GetDocument, user.id, document.id)


async def set_available(container, fakes, user, tokens: int) -> None:
    """Leave `user` exactly `tokens` credits to spend."""
    async with container() as scope:
        ledger, policy = await scope.get(QuotaLedger), await scope.get(GenerationPolicy)
        balance = await ledger.balance(user.id, fakes.clock.now(), policy.limits)
        await ledger.grant(user.id, tokens - (balance.credits - balance.reserved),
                           LedgerReason.GRANT, fakes.clock.now())
        await (await scope.get(TransactionManager)).commit()


async def run_job(run, fakes, job):
    fakes.clock.advance(seconds=1)  # the job's sections are written after it was queued
    assert await run(ClaimJobs, "w1", 5, 60) == [job.id]
    return await run(RunJob, job.id, "w1")


async def test_chosen_sections_are_rewritten_and_the_old_text_kept(run, fakes, model,
                                                                   container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, RICH)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    model.texts.extend(["First one [1].", "Second one [1].", "Third one [1]."])
    await run_job(run, fakes, await run(StartGeneration, user.id, document.id))
    before = await run(GetDocument, user.id, document.id)
    model.prompts.clear()
    model.texts.append("Second, rewritten [1].")

    job = await run(StartGeneration, user.id, document.id, sections=(2, 2),
                    instructions="  More on steel.  ")
    assert (job.sections, job.instructions) == ((2,), "More on steel.")
    finished = await run_job(run, fakes, job)

    assert finished.state is JobState.SUCCEEDED and finished.progress == 1.0
    after = await run(GetDocument, user.id, document.id)
    assert [p for p in model.prompts if "SECTION_INDEX: 2" not in p.user] == []
    assert len(model.prompts) == 1 and "REWRITE_INSTRUCTIONS: More on steel." \
        in model.prompts[0].user
    old = {s.index: s.text for s in before.sections}
    assert {s.index: s.text for s in after.sections} == {**old, 2: "Second, rewritten [1]."}
    assert after.status is DocumentStatus.READY
    async with container() as scope:
        history = await (await scope.get(SectionRevisionRepository)).history(
            user.id, document.id, before.sections[1].key, PageRequest())
    assert [r.section.text for r in history.items] == [old[2]]


async def test_a_resumed_rewrite_does_not_write_a_section_twice(run, fakes, model,
                                                                container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, RICH)
    document = await an_outlined_document(run, fakes, model, user)
    model.texts.extend(["One [1].", "Two [1].", "Three [1]."])
    await run_job(run, fakes, await run(StartGeneration, user.id, document.id))
    job = await run(StartGeneration, user.id, document.id, sections=(1, 2, 3))
    model.prompts.clear()
    fakes.clock.advance(seconds=1)
    await run(ClaimJobs, "w1", 5, 60)
    original = model.complete

    async def die_before_the_framing(prompt, **kwargs):
        if "SECTION_INDEX: 1" in prompt.user:
            raise RuntimeError("the worker died here")
        return await original(prompt, **kwargs)

    model.complete = die_before_the_framing
    with pytest.raises(RuntimeError):
        await run(RunJob, job.id, "w1")
    model.complete = original
    fakes.clock.advance(seconds=61)
    await run(ClaimJobs, "w2", 5, 60)
    assert (await run(RunJob, job.id, "w2")).state is JobState.SUCCEEDED
    body = [p for p in model.prompts if "SECTION_INDEX: 2" in p.user]
    assert len(body) == 1  # written once, not again when the job resumed


async def test_a_job_that_cannot_fit_is_refused_before_anything_is_spent(run, fakes,
                                                                         model) -> None:
    user = await a_user(run, fakes)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    estimate = await run(EstimateGeneration, user.id, document.id)
    assert estimate.max_tokens > SIGNUP

    with pytest.raises(InsufficientCredits) as refused:
        await run(StartGeneration, user.id, document.id)

    assert isinstance(refused.value, GenerationDoesNotFit)
    assert refused.value.estimate == estimate and refused.value.limit is LimitKind.CREDITS
    assert model.prompts == []
    balance = await run(GetBalance, user.id)
    assert (balance.credits, balance.reserved, balance.used_today) == (SIGNUP, 0, 0)
    assert (await run(GetDocument, user.id, document.id)).status is DocumentStatus.DRAFT


async def test_the_hundred_thousand_word_document_is_refused_up_front(run, fakes, model,
                                                                      container) -> None:
    user = await a_user(run, fakes)
    long = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.ESSAY,
                        language=Language("en"), target_words=100_000,
                        citation_style=CitationStyle.APA)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=long))

    with pytest.raises(InsufficientCredits, match="100,000 credits available"):
        await run(StartGeneration, user.id, document.id)

    assert model.prompts == [] and (await run(GetBalance, user.id)).reserved == 0
    async with container() as scope:
        assert await (await scope.get(JobRepository)).all_of(user.id) == []


async def test_a_partial_job_writes_what_fits_and_says_so(run, fakes, model,
                                                          container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, RICH)
    document = await an_outlined_document(run, fakes, model, user, FOUR)
    async with container() as scope:
        costs = (await scope.get(GenerationEstimator)).costs(document).sections
    assert costs[1] > costs[2] + costs[3] and costs[4] > costs[2] + costs[3]
    await set_available(container, fakes, user, costs[2] + costs[3])
    with pytest.raises(InsufficientCredits):
        await run(StartGeneration, user.id, document.id)

    job = await run(StartGeneration, user.id, document.id, partial=True)
    finished = await run_job(run, fakes, job)

    assert finished.state is JobState.SUCCEEDED
    assert finished.step == "stopped: 2 of 4 sections written; the rest did not fit your credits"
    assert finished.progress == 0.6  # the outline and two of four sections
    written = await run(GetDocument, user.id, document.id)
    assert [s.index for s in written.sections] == [2, 3]
    assert written.status is DocumentStatus.DRAFT
    assert not any("SECTION_INDEX: 1" in p.user or "SECTION_INDEX: 4" in p.user
                   for p in model.prompts)
    balance = await run(GetBalance, user.id)
    assert balance.reserved == 0 and balance.credits >= 0


async def test_a_partial_job_that_fits_writes_everything(run, fakes, model,
                                                         container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, RICH)
    document = await an_outlined_document(run, fakes, model, user, FOUR)
    job = await run(StartGeneration, user.id, document.id, partial=True)
    finished = await run_job(run, fakes, job)
    assert (finished.state, finished.step, finished.progress) == (JobState.SUCCEEDED, "done",
                                                                  1.0)
    assert (await run(GetDocument, user.id, document.id)).status is DocumentStatus.READY


async def test_a_partial_job_whose_outline_does_not_fit_writes_nothing(run, fakes,
                                                                       model, container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, 10)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    finished = await run_job(run, fakes, await run(StartGeneration, user.id, document.id,
                                                   partial=True))
    assert finished.state is JobState.SUCCEEDED
    assert finished.step == "stopped: nothing written; the outline did not fit your credits"
    assert model.prompts == []
    assert (await run(GetDocument, user.id, document.id)).status is DocumentStatus.DRAFT


async def test_an_accepted_job_that_runs_out_fails_as_before(run, fakes, model,
                                                             container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, RICH)
    document = await an_outlined_document(run, fakes, model, user)
    job = await run(StartGeneration, user.id, document.id)
    await set_available(container, fakes, user, 10)  # spent elsewhere meanwhile
    with pytest.raises(InsufficientCredits):
        await run_job(run, fakes, job)
    assert (await run(GetBalance, user.id)).reserved == 0


async def test_chosen_sections_are_checked(run, fakes, model, container) -> None:
    user = await a_user(run, fakes)
    await set_available(container, fakes, user, RICH)
    unplanned = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    with pytest.raises(InvalidTransition):
        await run(StartGeneration, user.id, unplanned.id, sections=(1,))
    document = await an_outlined_document(run, fakes, model, user)
    for sections, field in (((), "sections"), ((1, 9), "sections")):
        with pytest.raises(InvalidInput) as refused:
            await run(StartGeneration, user.id, document.id, sections=sections)
        assert refused.value.field == field
    for instructions in ("x" * 2001, "bad\x00byte"):
        with pytest.raises(InvalidInput) as refused:
            await run(StartGeneration, user.id, document.id, instructions=instructions)
        assert refused.value.field == "instructions"
    job = await run(StartGeneration, user.id, document.id, sections=(3, 1))
    assert job.sections == (1, 3)  # in outline order
    again = await run(StartGeneration, user.id, document.id, sections=(2,), partial=True)
    assert again.id == job.id  # the document's active job, not a second one
