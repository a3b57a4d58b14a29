"""Chaos over real workers: three `tesigo worker` processes share 50 jobs while, every 1 to 3
seconds (seeded), a random one of those holding a job is SIGKILLed and a fresh one started
in its place. Whatever the kills interrupt, the database must show every job ended exactly
once, its events numbered without a repeat or a gap, its tokens equal to what its owner's
ledger charged, no reservation charged twice or left held, and no step paid twice."""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from tests.e2e.backlog import UNLIMITED, queue_backlog, short_outlines
from tests.e2e.job_audit import audit, wait_until_settled
from tests.e2e.processes import run_tesigo, tesigo_env
from tests.e2e.workers import WorkerFleet
from tests.integration.openai_server import OpenAiTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.faults]
SEED, JOBS, WORKERS, SECTIONS = 16, 50, 3, 2
# outline, then per section its text and its claim check: what one uninterrupted run pays
CALLS_PER_JOB = 1 + 2 * SECTIONS
KILL_EVERY_S = (1.0, 3.0)


async def chaos(fleet: WorkerFleet, url: str, seed: int, stop: asyncio.Event) -> None:
    """Every KILL_EVERY_S (seeded) until `stop`: SIGKILL a random worker among those holding
    a job right then (one still starting up would interrupt nothing), and start another. The
    next interval starts once the replacement is up: its imports take seconds (a minute on
    a loaded machine), and a fleet killed faster than it restarts does no work at all."""
    pick = random.Random(seed)
    connection = await asyncpg.connect(url)
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pick.uniform(*KILL_EVERY_S))
                return
            holders = {int(owner.split(":")[1]) for owner in await connection.fetchval(
                "SELECT array_agg(DISTINCT lease_owner) FROM generation_jobs "
                "WHERE state = 'running' AND lease_expires_at > now()") or ()}
            busy = [worker for worker in fleet.running if worker.pid in holders]
            if busy:
                fleet.kill(pick.choice(busy))
                fleet.start()
                while not fleet.all_started() and not stop.is_set():
                    await asyncio.sleep(0.2)
    finally:
        await connection.close()


@pytest.fixture
def model() -> Iterator[OpenAiTestServer]:
    server = OpenAiTestServer(json_responder=short_outlines(SECTIONS))
    server.answer_after(0.3)  # long enough for kills to land mid-call
    server.start()
    yield server
    server.stop()


def first_requests(model: OpenAiTestServer) -> Counter[str]:
    """How many outline and section calls the model server saw per document title (a
    request a killed worker never finished sending has no messages)."""
    return Counter(match.group(1) for request in model.requests if request.messages
                   if (match := re.search(r"^TITLE: (.+)$",
                                          str(request.messages[-1]["content"]), re.M)))


@pytest.mark.timeout(600)  # 5-8 min on a 2-core machine at load 15; far less idle
async def test_killed_workers_leave_every_job_ended_once_and_paid_once(
        own_database: str, model: OpenAiTestServer, tmp_path: Path) -> None:
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database,
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test",
                     LLM_MODEL="test-model", JOB_LEASE_S="3", JOB_POLL_S="0.2",
                     WORKER_CONCURRENCY="2", SECTION_CONCURRENCY="2", LOG_LEVEL="INFO",
                     **UNLIMITED)
    migrated = run_tesigo("migrate", env=env, cwd=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    queued = await queue_backlog(env, JOBS, owner_per_job=True)
    with WorkerFleet(env, tmp_path) as fleet:
        for _ in range(WORKERS):
            fleet.start()
        await asyncio.to_thread(fleet.wait_until_started)
        stop = asyncio.Event()
        monkey = asyncio.create_task(chaos(fleet, own_database, SEED, stop))
        try:
            await wait_until_settled(own_database, timeout_s=240)
        finally:
            stop.set()
            await monkey
        kills = fleet.killed
    jobs, held = await audit(own_database, [q.job for q in queued])
    requests = first_requests(model)
    reruns = sum(count - 1 - SECTIONS for count in requests.values())
    print(f"\n{kills} kills; attempts {sorted(Counter(j.attempts for j in jobs).items())}; "
          f"{reruns} outline/section calls asked again; "
          f"states {Counter(j.state for j in jobs)}")
    assert len(jobs) == JOBS
    assert kills >= 2 and any(job.attempts > 1 for job in jobs), "the chaos hit no job"
    for job in jobs:
        why = f"job {job.id}: {job}"
        assert job.state == "succeeded" or (job.state == "failed" and job.error), why
        assert job.ends == 1 and job.event_states[-1] == job.state, why  # ended once, last
        assert job.seqs == list(range(1, job.last_seq + 1)), why  # numbered, no repeat/gap
        assert job.tokens_used == job.paid, why  # its tokens are what its ledger charged
        assert job.reservations_paid_twice == 0, why
        assert not job.still_held, why
        # each step written once (a takeover's claim event repeats the step before it)
        steps = Counter(step for n, step in enumerate(job.steps)
                        if n == 0 or step != job.steps[n - 1])
        assert all(count == 1 for step, count in steps.items() if step.endswith("written")), why
        if job.state == "succeeded":  # each step paid once: as one uninterrupted run
            assert job.usage_entries == CALLS_PER_JOB, why
    assert held == 0  # nothing a dead worker reserved is still held
