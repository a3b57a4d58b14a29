from datetime import timedelta

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes, settings_for

from application.auth.authenticate import Authenticate
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.jobs.attempts import AttemptEnd, EndAttempt, Outcome
from application.jobs.cancel_job import CancelJob
from application.jobs.claim_jobs import ClaimJobs, KeepLease
from application.jobs.get_job import GetJob, JobEventsSince
from application.jobs.run_job import RunJob
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, DocumentStatus, Kind
from domain.errors import NotFound
from domain.jobs import JobState
from domain.languages import Language
from domain.ports.jobs import LeaseLost
from entrypoints.config import Settings

SPEC = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)
LEASE = 60
RICH = 10**9  # a whole job is accepted only when its estimate fits: these users can pay


@pytest.fixture
def model() -> ScriptedLanguageModel:
    return ScriptedLanguageModel()


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


@pytest.fixture
def settings() -> Settings:
    return settings_for(signup_credits=RICH)


async def a_job(run, fakes, email="ada@example.com"):
    user = await run(Authenticate, (await sign_in(run, fakes, email)).access_token)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    return user, document, await run(StartGeneration, user.id, document.id)


async def test_a_job_writes_the_outline_and_every_section(run, fakes, model) -> None:
    user, document, job = await a_job(run, fakes)
    assert job.state is JobState.QUEUED
    assert (await run(GetDocument, user.id, document.id)).status is DocumentStatus.GENERATING
    assert await run(ClaimJobs, "w1", 5, LEASE) == [job.id]
    finished = await run(RunJob, job.id, "w1")
    assert finished.state is JobState.SUCCEEDED and finished.progress == 1.0
    written = await run(GetDocument, user.id, document.id)
    assert written.status is DocumentStatus.READY
    assert len(written.sections) == len(written.outline) == 3
    assert len(model.prompts) == 4
    balance = await run(GetBalance, user.id)
    assert finished.tokens_used > 0
    assert balance.used_today == finished.tokens_used  # every call of the job was charged once
    _, events = await run(JobEventsSince, user.id, job.id, 0)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].state is JobState.QUEUED
    assert events[-1].state is JobState.SUCCEEDED


async def test_a_resumed_job_skips_what_was_written_and_pays_once(run, fakes, model) -> None:
    user, _, job = await a_job(run, fakes)
    await run(ClaimJobs, "w1", 5, LEASE)
    model.texts.extend(["First section [1]."])
    model.down = False
    original_complete = model.complete
    calls = 0

    async def crash_after_first_section(prompt, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("the worker died here")
        return await original_complete(prompt, **kwargs)

    model.complete = crash_after_first_section  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        await run(RunJob, job.id, "w1")
    paid = (await run(GetBalance, user.id))
    fakes.clock.advance(seconds=LEASE + 1)
    assert await run(ClaimJobs, "w2", 5, LEASE) == [job.id]
    model.complete = original_complete  # type: ignore[method-assign]
    finished = await run(RunJob, job.id, "w2")
    assert finished.state is JobState.SUCCEEDED
    assert finished.attempts == 2
    section_prompts = [p for p in model.prompts if "SECTION_INDEX: 1" in p.user]
    assert len(section_prompts) == 1  # section 1 was not written twice
    after = await run(GetBalance, user.id)
    assert after.reserved == 0
    assert after.credits < paid.credits


async def test_one_active_job_per_document(run, fakes) -> None:
    user, document, job = await a_job(run, fakes)
    again = await run(StartGeneration, user.id, document.id)
    assert again.id == job.id


async def test_other_users_jobs_are_not_found(run, fakes) -> None:
    _, _, job = await a_job(run, fakes, "alice@example.com")
    bob = await run(Authenticate, (await sign_in(run, fakes, "bob@example.com")).access_token)
    with pytest.raises(NotFound):
        await run(GetJob, bob.id, job.id)
    with pytest.raises(NotFound):
        await run(CancelJob, bob.id, job.id)


async def test_cancelling_a_queued_job_ends_it_at_once(run, fakes) -> None:
    user, _, job = await a_job(run, fakes)
    cancelled = await run(CancelJob, user.id, job.id)
    assert cancelled.state is JobState.CANCELLED
    assert await run(ClaimJobs, "w1", 5, LEASE) == []
    assert (await run(CancelJob, user.id, job.id)).state is JobState.CANCELLED


async def test_cancelling_a_running_job_stops_it_between_sections(run, fakes, model) -> None:
    user, _, job = await a_job(run, fakes)
    await run(ClaimJobs, "w1", 5, LEASE)
    asked = await run(CancelJob, user.id, job.id)
    assert asked.state is JobState.RUNNING and asked.cancel_requested
    assert await run(KeepLease, job.id, "w1", LEASE) is True
    ended = await run(RunJob, job.id, "w1")
    assert ended.state is JobState.CANCELLED
    assert len(model.prompts) == 1  # the outline, then it stopped before any section
    assert (await run(GetBalance, user.id)).reserved == 0


async def test_retries_back_off_then_the_job_fails_readably(run, fakes) -> None:
    user, document, job = await a_job(run, fakes)
    for attempt in range(1, 6):
        assert await run(ClaimJobs, "w1", 5, LEASE) == [job.id]
        ended = await run(EndAttempt, AttemptEnd(job_id=job.id, worker="w1",
                                                 outcome=Outcome.RETRY, error="model down"))
        if attempt < 5:
            assert ended.state is JobState.QUEUED and ended.run_after > fakes.clock.now()
            assert await run(ClaimJobs, "w1", 5, LEASE) == []  # not before its delay
            fakes.clock.advance(seconds=600)
    assert ended.state is JobState.FAILED
    assert "model down" in ended.error
    assert (await run(GetDocument, user.id, document.id)).status is DocumentStatus.FAILED


async def test_a_job_whose_workers_keep_dying_fails_after_its_last_attempt(run, fakes) -> None:
    user, document, job = await a_job(run, fakes)
    for _ in range(5):  # each attempt's worker dies mid-job: its lease runs out
        assert await run(ClaimJobs, "w1", 5, LEASE) == [job.id]
        fakes.clock.advance(seconds=LEASE + 1)
    assert await run(ClaimJobs, "w2", 5, LEASE) == [job.id]
    ended = await run(RunJob, job.id, "w2")
    assert ended.state is JobState.FAILED and ended.attempts == 6
    assert "Gave up after 5 attempts" in ended.error
    assert (await run(GetDocument, user.id, document.id)).status is DocumentStatus.FAILED
    assert (await run(GetJob, user.id, job.id)).state is JobState.FAILED
    assert await run(ClaimJobs, "w3", 5, LEASE) == []  # it is not claimed again


async def test_handing_back_does_not_use_an_attempt(run, fakes) -> None:
    _, _, job = await a_job(run, fakes)
    await run(ClaimJobs, "w1", 5, LEASE)
    back = await run(EndAttempt, AttemptEnd(job_id=job.id, worker="w1",
                                            outcome=Outcome.HAND_BACK,
                                            delay=timedelta(seconds=90)))
    assert back.state is JobState.QUEUED and back.attempts == 0
    assert await run(ClaimJobs, "w1", 5, LEASE) == []
    fakes.clock.advance(seconds=91)
    assert await run(ClaimJobs, "w2", 5, LEASE) == [job.id]


async def test_a_worker_that_lost_its_lease_cannot_write(run, fakes) -> None:
    _, _, job = await a_job(run, fakes)
    await run(ClaimJobs, "w1", 5, LEASE)
    fakes.clock.advance(seconds=LEASE + 1)
    await run(ClaimJobs, "w2", 5, LEASE)
    with pytest.raises(LeaseLost):
        await run(KeepLease, job.id, "w1", LEASE)
    assert (await run(RunJob, job.id, "w1")).lease_owner == "w2"  # w1 does nothing


async def test_a_takeover_releases_what_the_dead_worker_held(run, fakes, container) -> None:
    from domain.ports.jobs import JobRepository
    from domain.ports.quota import QuotaLedger
    from domain.ports.transactions import TransactionManager
    from domain.quota import QuotaLimits

    user, _, job = await a_job(run, fakes)
    await run(ClaimJobs, "w1", 5, LEASE)
    async with container() as scope:  # what w1 committed just before it died mid-call
        ledger, jobs = await scope.get(QuotaLedger), await scope.get(JobRepository)
        held = await ledger.reserve(user.id, 5000, fakes.clock.now(),
                                    QuotaLimits(daily_tokens=10**9, global_daily_tokens=10**9))
        claimed = await jobs.get_for_worker(job.id)
        await jobs.save(claimed.holding(held.id, fakes.clock.now()), lease_owner="w1")
        await (await scope.get(TransactionManager)).commit()
    assert (await run(GetBalance, user.id)).reserved == 5000
    fakes.clock.advance(seconds=LEASE + 1)
    await run(ClaimJobs, "w2", 5, LEASE)
    finished = await run(RunJob, job.id, "w2")
    assert finished.state is JobState.SUCCEEDED
    assert finished.held_reservations == ()
    assert (await run(GetBalance, user.id)).reserved == 0
