"""The worker's job runner over the in-memory container: concurrency, cancellation during a
section, hand-back on stop, rescheduling when the model asks us to come back later, and a
job resumed in the same attempt after its database came back."""

import asyncio

import pytest
from dishka import Provider, Scope, provide
from tests.application.conftest import Run
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes, InMemoryProvider, memory_container, settings_for

from adapters.llm.offline_model import OfflineLanguageModel
from application.auth.authenticate import Authenticate
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.jobs.cancel_job import CancelJob
from application.jobs.get_job import GetJob
from application.jobs.policy import JobPolicy
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.jobs import JobState
from domain.languages import Language
from domain.ports.language_model import LanguageModel, LanguageModelUnavailable
from domain.ports.transactions import StorageUnavailable
from entrypoints.ioc import make_container
from entrypoints.worker.jobs import JobRunner

SPEC = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)


class GatedModel(ScriptedLanguageModel):
    """Section calls wait at a gate, so tests can act while one is in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.in_flight = asyncio.Event()

    async def complete(self, prompt, **kwargs):
        self.in_flight.set()
        await self.gate.wait()
        return await super().complete(prompt, **kwargs)


@pytest.fixture
def model() -> GatedModel:
    return GatedModel()


@pytest.fixture
async def world(model):
    fakes = Fakes(model=model)
    container = memory_container(fakes)
    yield fakes, container, Run(container)
    await container.close()


def a_runner(container, concurrency=2) -> JobRunner:
    return JobRunner(container, worker="w1", concurrency=concurrency,
                     policy=JobPolicy(lease_s=2), poll_s=0.05, grace_s=0.2)


async def queue_jobs(run, fakes, count: int):
    user = await run(Authenticate, (await sign_in(run, fakes)).access_token)
    jobs = []
    for _ in range(count):
        document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
        jobs.append(await run(StartGeneration, user.id, document.id))
    return user, jobs


async def wait_for(predicate, timeout=10.0):
    async with asyncio.timeout(timeout):
        while not await predicate():
            await asyncio.sleep(0.02)


async def test_the_runner_finishes_every_job(world, model) -> None:
    fakes, container, run = world
    model.gate.set()
    user, jobs = await queue_jobs(run, fakes, 5)
    runner = a_runner(container, concurrency=3)
    task = asyncio.create_task(runner.run())

    async def all_done():
        states = [(await run(GetJob, user.id, job.id)).state for job in jobs]
        return all(state is JobState.SUCCEEDED for state in states)

    await wait_for(all_done)
    runner.stop()
    await task


async def test_cancel_during_a_section_stops_it_and_releases_the_hold(world, model) -> None:
    fakes, container, run = world
    user, [job] = await queue_jobs(run, fakes, 1)
    runner = a_runner(container)
    task = asyncio.create_task(runner.run())
    await asyncio.wait_for(model.in_flight.wait(), 5)
    assert (await run(GetBalance, user.id)).reserved > 0
    await run(CancelJob, user.id, job.id)

    async def cancelled():
        return (await run(GetJob, user.id, job.id)).state is JobState.CANCELLED

    await wait_for(cancelled)
    assert (await run(GetBalance, user.id)).reserved == 0
    runner.stop()
    await task


async def test_stopping_hands_unfinished_jobs_back(world, model) -> None:
    fakes, container, run = world
    user, [job] = await queue_jobs(run, fakes, 1)
    runner = a_runner(container)
    task = asyncio.create_task(runner.run())
    await asyncio.wait_for(model.in_flight.wait(), 5)
    runner.stop()
    await task
    back = await run(GetJob, user.id, job.id)
    assert back.state is JobState.QUEUED
    assert back.attempts == 0
    assert (await run(GetBalance, user.id)).reserved == 0


async def test_a_long_retry_after_reschedules_instead_of_holding_a_slot(world, model) -> None:
    fakes, container, run = world
    user, [job] = await queue_jobs(run, fakes, 1)

    async def come_back_later(*args, **kwargs):
        raise LanguageModelUnavailable(retry_after_s=120)

    model.complete_json = come_back_later  # type: ignore[method-assign]
    runner = a_runner(container)
    task = asyncio.create_task(runner.run())

    async def rescheduled():
        current = await run(GetJob, user.id, job.id)
        return current.state is JobState.QUEUED and current.run_after > fakes.clock.now()

    await wait_for(rescheduled)
    runner.stop()
    await task
    current = await run(GetJob, user.id, job.id)
    assert (current.run_after - fakes.clock.now()).total_seconds() == pytest.approx(120, abs=1)
    assert current.attempts == 0


async def test_a_job_that_lost_its_database_resumes_in_the_same_attempt(world, model) -> None:
    fakes, container, run = world
    model.gate.set()
    user, [job] = await queue_jobs(run, fakes, 1)
    outline, outages = model.complete_json, [StorageUnavailable()]

    async def database_gone_once(*args, **kwargs):
        if outages:
            raise outages.pop()
        return await outline(*args, **kwargs)

    model.complete_json = database_gone_once  # type: ignore[method-assign]
    runner = JobRunner(container, worker="w1", concurrency=1, policy=JobPolicy(lease_s=2),
                       poll_s=0.05, grace_s=0.2, storage_retry_s=0.05)
    task = asyncio.create_task(runner.run())

    async def succeeded():
        return (await run(GetJob, user.id, job.id)).state is JobState.SUCCEEDED

    await wait_for(succeeded)
    runner.stop()
    await task
    done = await run(GetJob, user.id, job.id)
    assert not outages and done.attempts == 1 and done.error is None
    assert (await run(GetBalance, user.id)).reserved == 0


async def test_a_short_retry_after_is_the_least_a_failed_attempt_waits(world, model) -> None:
    fakes, container, run = world
    user, [job] = await queue_jobs(run, fakes, 1)

    async def paused(*args, **kwargs):  # as the open circuit breaker says, for 20 s more
        raise LanguageModelUnavailable("calls are paused", retry_after_s=20)

    model.complete_json = paused  # type: ignore[method-assign]
    runner = a_runner(container)  # backoff after a first attempt: 2.5 to 7.5 s
    task = asyncio.create_task(runner.run())

    async def retried():
        current = await run(GetJob, user.id, job.id)
        return current.state is JobState.QUEUED and current.attempts == 1

    await wait_for(retried)
    runner.stop()
    await task
    current = await run(GetJob, user.id, job.id)
    assert (current.run_after - fakes.clock.now()).total_seconds() == pytest.approx(20, abs=1)


async def test_what_jobs_share_is_built_before_the_first_job_comes() -> None:
    """The model's client (and the rest of a job's graph) is made at start-up, so the first
    job does not wait for its imports and TLS set-up."""
    built: list[LanguageModel] = []

    class Observed(Provider):
        @provide(scope=Scope.APP)
        def model(self) -> LanguageModel:
            built.append(OfflineLanguageModel())
            return built[-1]

    container = make_container(settings_for(), InMemoryProvider(Fakes()), Observed())
    runner = a_runner(container)
    running = asyncio.create_task(runner.run())
    try:
        async def model_built() -> bool:
            return bool(built)

        await wait_for(model_built)  # with no job queued
    finally:
        runner.stop()
        await running
        await container.close()
    assert len(built) == 1
