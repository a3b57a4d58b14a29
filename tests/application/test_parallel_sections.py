"""A job writes its body sections at once (up to SECTION_CONCURRENCY), the introduction and
the conclusion last; every section is its own checkpoint, a cancel stops them all, a crash
loses only what was in flight, and quotas stay exact."""

import asyncio
import re

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
from application.jobs.claim_jobs import ClaimJobs
from application.jobs.run_job import RunJob
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.jobs import JobState
from domain.languages import Language
from domain.quota import QuotaExceeded
from entrypoints.config import Settings

LEASE = 60
SPEC = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.REPORT,
                    language=Language("en"), target_words=3000, citation_style=CitationStyle.APA)
OUTLINE = {"sections": [{"title": title, "target_words": 500, "brief": f"About {title}.",
                         "queries": [title]}
                        for title in ("Introduction", "Loads", "Cables", "Towers", "Decks",
                                      "Conclusion")]}
SECTION = re.compile(r"^SECTION_INDEX: (\d+)$", re.M)


class GatedModel(ScriptedLanguageModel):
    """Holds every section's call until the test opens its gate; records what was in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.gates: dict[int, asyncio.Event] = {}
        self.in_flight: set[int] = set()
        self.most_at_once = 0
        self.started: list[int] = []

    def gate(self, index: int) -> asyncio.Event:
        return self.gates.setdefault(index, asyncio.Event())

    async def complete(self, prompt, *, max_tokens, on_text=None):  # type: ignore[no-untyped-def]
        if "\nCONTINUE: yes" in prompt.user:  # a continuation is not a section's first call
            return await super().complete(prompt, max_tokens=max_tokens, on_text=on_text)
        index = int(SECTION.search(prompt.user).group(1))  # type: ignore[union-attr]
        self.started.append(index)
        self.in_flight.add(index)
        self.most_at_once = max(self.most_at_once, len(self.in_flight))
        try:
            await self.gate(index).wait()
        finally:
            self.in_flight.discard(index)
        return await super().complete(prompt, max_tokens=max_tokens, on_text=on_text)

    async def until(self, condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
        async with asyncio.timeout(seconds):
            while not condition():
                await asyncio.sleep(0.005)


@pytest.fixture
def model() -> GatedModel:
    model = GatedModel()
    model.outlines.append(OUTLINE)
    return model


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


@pytest.fixture
def settings() -> Settings:
    # Credits for the job's whole estimate, so that it starts (the last test takes most away).
    return settings_for(section_concurrency=2, signup_credits=10_000_000)


async def a_running_job(run, fakes):  # type: ignore[no-untyped-def]
    user = await run(Authenticate, (await sign_in(run, fakes)).access_token)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    job = await run(StartGeneration, user.id, document.id)
    assert await run(ClaimJobs, "w1", 5, LEASE) == [job.id]
    return user, document, job


async def test_body_sections_go_at_once_and_the_framing_ones_last(run, fakes, model) -> None:
    user, document, job = await a_running_job(run, fakes)
    running = asyncio.create_task(run(RunJob, job.id, "w1"))
    await model.until(lambda: len(model.in_flight) == 2)
    assert model.in_flight <= {2, 3, 4, 5}  # body first, two at a time

    for index in (2, 3, 4, 5):
        model.gate(index).set()
    await model.until(lambda: len(model.started) == 6)
    assert set(model.started[4:]) == {1, 6}  # only once the whole body was written
    model.gate(1).set()
    model.gate(6).set()
    finished = await running

    assert finished.state is JobState.SUCCEEDED
    assert model.most_at_once == 2
    assert set(model.started[:4]) == {2, 3, 4, 5} and set(model.started[4:]) == {1, 6}
    written = await run(GetDocument, user.id, document.id)
    assert [s.index for s in written.sections] == [1, 2, 3, 4, 5, 6]
    assert "BODY_SUMMARIES" in next(p.user for p in model.prompts
                                    if "SECTION_INDEX: 6" in p.user)
    balance = await run(GetBalance, user.id)
    assert balance.reserved == 0 and balance.used_today == finished.tokens_used


async def test_a_cancel_in_the_middle_stops_every_section_not_yet_started(run, fakes,
                                                                          model) -> None:
    user, document, job = await a_running_job(run, fakes)
    running = asyncio.create_task(run(RunJob, job.id, "w1"))
    await model.until(lambda: len(model.in_flight) == 2)
    await run(CancelJob, user.id, job.id)
    for gate in list(model.gates.values()):
        gate.set()
    ended = await running

    assert ended.state is JobState.CANCELLED
    written = await run(GetDocument, user.id, document.id)
    assert len(written.sections) == 2  # the two in flight were kept; nothing else started
    assert len(model.started) == 2
    balance = await run(GetBalance, user.id)
    assert balance.reserved == 0 and balance.used_today == ended.tokens_used


async def test_a_crash_with_two_sections_in_flight_loses_only_those(run, fakes,
                                                                    model) -> None:
    user, document, job = await a_running_job(run, fakes)
    dying = asyncio.create_task(run(RunJob, job.id, "w1"))
    await model.until(lambda: len(model.in_flight) == 2)
    model.gate(model.started[0]).set()  # one more section finishes before the "crash"
    await model.until(lambda: len(model.started) == 3 and len(model.in_flight) == 2)
    lost = set(model.in_flight)
    assert (await run(GetBalance, user.id)).reserved > 0  # two calls hold their tokens

    fakes.clock.advance(seconds=LEASE + 1)  # w1 is gone; w2 takes over
    assert await run(ClaimJobs, "w2", 5, LEASE) == [job.id]
    for index in range(1, 7):
        if index not in lost:
            model.gate(index).set()
    taking_over = asyncio.create_task(run(RunJob, job.id, "w2"))
    await model.until(lambda: model.started.count(sorted(lost)[-1]) == 2)
    for index in lost:
        model.gate(index).set()
    finished = await taking_over
    dying.cancel()  # what w1 still had in flight can write nothing any more
    with pytest.raises((asyncio.CancelledError, Exception)):
        await dying

    assert finished.state is JobState.SUCCEEDED
    written = await run(GetDocument, user.id, document.id)
    assert [s.index for s in written.sections] == [1, 2, 3, 4, 5, 6]
    assert sorted(i for i in set(model.started) if model.started.count(i) > 1) == sorted(lost)
    balance = await run(GetBalance, user.id)
    assert balance.reserved == 0
    assert balance.used_today == finished.tokens_used  # nothing paid twice


async def test_quotas_stay_exact_when_not_every_section_fits(run, fakes, model) -> None:
    user, document, job = await a_running_job(run, fakes)
    balance = await run(GetBalance, user.id)
    for index in range(1, 7):
        model.gate(index).set()
    # Room for the outline and about two sections' reservations, not four at once.
    from domain.ports.quota import QuotaLedger
    from domain.quota import LedgerReason

    async with run._container() as scope:  # type: ignore[attr-defined]
        ledger = await scope.get(QuotaLedger)
        await ledger.grant(user.id, -(balance.credits - 5_500), LedgerReason.GRANT,
                           fakes.clock.now(), details={"reason": "test"})
        from domain.ports.transactions import TransactionManager
        await (await scope.get(TransactionManager)).commit()

    with pytest.raises(QuotaExceeded):
        await run(RunJob, job.id, "w1")
    ended = await run(EndAttempt, AttemptEnd(job_id=job.id, worker="w1", outcome=Outcome.FAIL,
                                             error="Not enough credits"))

    after = await run(GetBalance, user.id)
    written = await run(GetDocument, user.id, document.id)
    assert after.reserved == 0
    assert after.credits >= 0
    assert 5_500 - after.credits == ended.tokens_used  # charged exactly what was written
    assert len(written.sections) < 6
