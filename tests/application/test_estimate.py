"""The cost of a generation before it is written: an upper bound of what its job reserves,
and whether it fits the caller's credits, their daily limit and the service's."""

import pytest
from tests.application.conftest import Run
from tests.application.maximal_model import MaximalModel
from tests.application.sign_in_steps import sign_in
from tests.memory_container import Fakes, memory_container, settings_for

from adapters.memory.database import RESERVATIONS
from application.auth.authenticate import Authenticate
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.generation.estimate import EstimateGeneration
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from application.jobs.claim_jobs import ClaimJobs
from application.jobs.run_job import RunJob
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import NotFound
from domain.jobs import JobState
from domain.languages import Language
from domain.outline import section_count
from domain.ports.quota import QuotaLedger
from domain.ports.transactions import TransactionManager
from domain.quota import LimitKind, QuotaLimits
from entrypoints.config import Settings

SPEC = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)
RICH = 10**9


@pytest.fixture
def model() -> MaximalModel:
    return MaximalModel()


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


@pytest.fixture
def settings() -> Settings:
    return settings_for(signup_credits=RICH)


async def a_document(run, fakes, email="ada@example.com", spec=SPEC):
    user = await run(Authenticate, (await sign_in(run, fakes, email)).access_token)
    return user, await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=spec))


def reserved(fakes: Fakes) -> int:
    """Every token any call reserved, whatever became of the reservation."""
    return sum(hold.reservation.tokens for hold in fakes.db.tables[RESERVATIONS].values())


async def run_the_whole_job(run, fakes, user, document):
    job = await run(StartGeneration, user.id, document.id)
    assert await run(ClaimJobs, "w1", 5, 60) == [job.id]
    finished = await run(RunJob, job.id, "w1")
    assert finished.state is JobState.SUCCEEDED
    return finished


async def test_a_whole_job_reserves_no_more_than_its_estimate(run, fakes, model) -> None:
    user, document = await a_document(run, fakes)
    estimate = await run(EstimateGeneration, user.id, document.id)
    sections = section_count(SPEC.kind, SPEC.target_words)
    assert estimate.sections_to_write == sections
    assert estimate.fits and estimate.limit is None

    await run_the_whole_job(run, fakes, user, document)

    written = await run(GetDocument, user.id, document.id)
    assert len(written.sections) == sections
    # the most the writer can do: every section continued twice, then checked
    assert len(model.continuations) == 2 * sections and len(model.checks) == sections
    assert reserved(fakes) <= estimate.max_tokens
    # a bound, not a guess from afar (the sources it plans for are longer than these)
    assert reserved(fakes) >= estimate.max_tokens * 0.5


async def test_once_planned_the_bound_is_close(run, fakes) -> None:
    user, document = await a_document(run, fakes)
    await run(GenerateOutline, user.id, document.id)
    before = reserved(fakes)
    estimate = await run(EstimateGeneration, user.id, document.id)

    await run_the_whole_job(run, fakes, user, document)

    assert 0.9 * estimate.max_tokens <= reserved(fakes) - before <= estimate.max_tokens


async def test_the_estimate_of_a_planned_document_bounds_rewriting_it(run, fakes,
                                                                       model) -> None:
    user, document = await a_document(run, fakes)
    await run_the_whole_job(run, fakes, user, document)
    before = reserved(fakes)
    estimate = await run(EstimateGeneration, user.id, document.id, (1, 3),
                         "Shorter sentences, please.")
    assert estimate.sections_to_write == 2

    job = await run(StartGeneration, user.id, document.id, sections=(1, 3),
                    instructions="Shorter sentences, please.")
    fakes.clock.advance(seconds=1)
    await run(ClaimJobs, "w1", 5, 60)
    assert (await run(RunJob, job.id, "w1")).state is JobState.SUCCEEDED

    spent = reserved(fakes) - before
    assert 0.8 * estimate.max_tokens <= spent <= estimate.max_tokens


async def test_a_written_document_costs_nothing_more(run, fakes) -> None:
    user, document = await a_document(run, fakes)
    await run_the_whole_job(run, fakes, user, document)
    estimate = await run(EstimateGeneration, user.id, document.id)
    assert (estimate.sections_to_write, estimate.max_tokens, estimate.fits) == (0, 0, True)


async def test_with_an_outline_only_what_is_missing_counts(run, fakes) -> None:
    user, document = await a_document(run, fakes)
    unplanned = await run(EstimateGeneration, user.id, document.id)
    outlined = await run(GenerateOutline, user.id, document.id)
    planned = await run(EstimateGeneration, user.id, document.id)
    assert planned.sections_to_write == len(outlined.outline)
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=2))
    fewer = await run(EstimateGeneration, user.id, document.id)
    assert fewer.sections_to_write == len(outlined.outline) - 1
    assert fewer.max_tokens < planned.max_tokens < unplanned.max_tokens


async def test_another_users_document_has_no_estimate(run, fakes) -> None:
    _, document = await a_document(run, fakes, "alice@example.com")
    bob = await run(Authenticate, (await sign_in(run, fakes, "bob@example.com")).access_token)
    with pytest.raises(NotFound):
        await run(EstimateGeneration, bob.id, document.id)


async def estimate_with(fakes: Fakes, **limits: int):
    """The estimate of a fresh document for a user signed up under `limits`."""
    container = memory_container(fakes, settings_for(**limits))
    try:
        run = Run(container)
        user, document = await a_document(run, fakes)
        return await run(EstimateGeneration, user.id, document.id)
    finally:
        await container.close()


@pytest.mark.parametrize(("short_of", "limit"), [
    ("signup_credits", LimitKind.CREDITS), ("daily_token_limit", LimitKind.DAILY),
    ("global_daily_token_limit", LimitKind.GLOBAL_DAILY)])
async def test_the_first_limit_it_breaks_is_named(short_of, limit) -> None:
    needed = (await estimate_with(Fakes(model=MaximalModel()), signup_credits=RICH)).max_tokens
    enough = {"signup_credits": needed, "daily_token_limit": needed,
              "global_daily_token_limit": needed}
    assert (await estimate_with(Fakes(model=MaximalModel()), **enough)).fits

    short = await estimate_with(Fakes(model=MaximalModel()), **{**enough, short_of: needed - 1})
    assert (short.fits, short.limit, short.max_tokens) == (False, limit, needed)


async def test_credits_held_for_calls_in_flight_are_not_available(run, fakes,
                                                                  container) -> None:
    user, document = await a_document(run, fakes)
    needed = (await run(EstimateGeneration, user.id, document.id)).max_tokens
    async with container() as scope:
        await (await scope.get(QuotaLedger)).reserve(
            user.id, RICH - needed + 1, fakes.clock.now(),
            QuotaLimits(daily_tokens=10**12, global_daily_tokens=10**12))
        await (await scope.get(TransactionManager)).commit()
    estimate = await run(EstimateGeneration, user.id, document.id)
    assert (estimate.fits, estimate.limit) == (False, LimitKind.CREDITS)
