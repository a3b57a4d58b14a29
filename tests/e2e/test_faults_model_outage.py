"""The model server failing under real `tesigo serve` and `tesigo worker` processes on
PostgreSQL: 429 with Retry-After, 500s and answers hanging past LLM_TIMEOUT_S are backed
off and the job succeeds; a server that keeps failing fails the job with a reason a person
can read. Whatever happens, no reservation stays held and the job's tokens are what the
ledger charged for it."""

import asyncio
import re
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from itertools import count, pairwise
from typing import Any

import asyncpg
import httpx
import pytest
from tests.e2e.processes import TESIGO, Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.integration.openai_server import OpenAiTestServer, RecordedRequest, Reply
from tests.postgres import fresh_database
from tests.smtp_server import SmtpTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.faults,
              pytest.mark.timeout(300)]  # the first test also starts the processes
LLM_TIMEOUT_S = 5.0  # short, yet above the hiccups of a loaded machine
STARTUP_BOUND_S = 180.0  # importing the service alone took 40 s on a loaded 2-core machine
JOB_BOUND_S = 90.0
SIGNUP_CREDITS = 10_000_000
ESSAY = {"topic": "Bridges", "kind": "essay", "language": "en", "target_words": 1200,
         "citation_style": "apa"}
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]*)+(?:Error|Exception|Timeout)\b")
_users = count()


@pytest.fixture(scope="module")
async def database(postgres_server_url: str) -> AsyncIterator[str]:
    async with fresh_database(postgres_server_url) as url:
        yield url


@pytest.fixture(scope="module")
def stack(database: str, tmp_path_factory) -> Iterator[dict[str, Any]]:
    """One API and one worker (one job, one section at a time: the planned replies meet
    the calls in order) for every test; each test has a user of its own."""
    cwd = tmp_path_factory.mktemp("model-outage")
    smtp, model = SmtpTestServer(), OpenAiTestServer()
    smtp.start()
    model.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test-outage-key",
                     LLM_MODEL="test-model", LLM_TIMEOUT_S=str(LLM_TIMEOUT_S),
                     SOURCES_PROVIDER="offline", SIGNUP_CREDITS=str(SIGNUP_CREDITS),
                     RATE_LIMIT_API="100000/minute", RATE_LIMIT_SIGNIN="1000/minute",
                     JOB_POLL_S="0.2", JOB_RETRY_S="0.5", WORKER_CONCURRENCY="1",
                     SECTION_CONCURRENCY="1")
    migrated = run_tesigo("migrate", env=env, cwd=cwd)
    assert migrated.returncode == 0, migrated.stderr
    api = Served(env, cwd, "--no-worker")
    log = (cwd / "worker.log").open("w")
    worker = subprocess.Popen([*TESIGO, "worker"], cwd=cwd, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        api.wait_until_healthy(timeout_s=STARTUP_BOUND_S)
        with httpx.Client(base_url=api.url, timeout=30) as client:
            yield {"client": client, "smtp": smtp, "model": model, "database": database}
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
        log.close()
        api.stop()
        model.stop()
        smtp.stop()


def run_job(stack: dict[str, Any], *replies: Reply) -> tuple[dict[str, Any], dict[str, str]]:
    """A new user's essay generated while the model server answers `replies` first; the
    job once it ended, and the user's credentials."""
    client, model = stack["client"], stack["model"]
    model.reset()
    model.plan(*replies)
    auth = sign_in(client, stack["smtp"], f"writer{next(_users)}@example.com")
    document = client.post("/api/v1/documents", json={**ESSAY, "title": "Spans"},
                           headers=auth).json()
    job = client.post(f"/api/v1/documents/{document['id']}/generate", headers=auth).json()
    deadline = time.monotonic() + JOB_BOUND_S
    while (job := client.get(f"/api/v1/jobs/{job['id']}", headers=auth).json())["state"] in (
            "queued", "running"):
        assert time.monotonic() < deadline, f"the job never ended: {job}"
        time.sleep(0.25)
    return job, auth


def assert_nothing_held(stack: dict[str, Any], job: dict[str, Any],
                        auth: dict[str, str]) -> None:
    """No reservation of the user is held, the account holds nothing back, the balance is
    what was granted less what was charged, and the job used what the ledger charged."""
    client = stack["client"]
    user = client.get("/api/v1/auth/me", headers=auth).json()["id"]

    async def read() -> dict[str, Any]:
        connection = await asyncpg.connect(stack["database"])
        try:
            return {
                "held": await connection.fetchval(
                    "SELECT count(*) FROM token_reservations WHERE user_id = $1 AND "
                    "state = 'held'", user),
                "account": await connection.fetchrow(
                    "SELECT credits, reserved FROM credit_accounts WHERE user_id = $1", user),
                "granted": await connection.fetchval(
                    "SELECT sum(delta) FROM ledger_entries WHERE user_id = $1 AND delta > 0",
                    user),
                "charged": await connection.fetchval(
                    "SELECT coalesce(-sum(delta), 0) FROM ledger_entries WHERE user_id = $1 "
                    "AND reason = 'usage'", user),
                "job_holds": await connection.fetchval(
                    "SELECT held_reservations::text FROM generation_jobs WHERE id = $1",
                    job["id"]),
                "day_reserved": await connection.fetchval(
                    "SELECT coalesce(sum(reserved), 0) FROM quota_days"),
            }
        finally:
            await connection.close()

    ledger = asyncio.run(read())
    assert ledger["held"] == 0 and ledger["account"]["reserved"] == 0, ledger
    assert ledger["job_holds"] == "[]" and ledger["day_reserved"] == 0, ledger
    assert ledger["granted"] == SIGNUP_CREDITS
    assert ledger["account"]["credits"] == ledger["granted"] - ledger["charged"]
    assert job["tokens_used"] == ledger["charged"]
    balance = client.get("/api/v1/billing/balance", headers=auth).json()
    assert balance["reserved"] == 0
    assert balance["credits"] == SIGNUP_CREDITS - job["tokens_used"]


def gaps(requests: list[RecordedRequest]) -> list[float]:
    return [later.received_at - earlier.received_at
            for earlier, later in pairwise(requests)]


def test_429_with_retry_after_is_waited_out_then_the_job_succeeds(stack) -> None:
    job, auth = run_job(stack, *[Reply.error(429, "slow down", headers={"Retry-After": "1"})
                                 for _ in range(3)])
    assert job["state"] == "succeeded" and job["attempts"] == 1, job
    outline = stack["model"].requests[:4]  # three refusals, then the outline's answer
    assert all(request.response_format for request in outline)
    assert min(gaps(outline)) >= 1.0 - 0.05  # Retry-After: 1 honoured every time
    assert job["tokens_used"] > 0
    assert_nothing_held(stack, job, auth)


def test_500s_fail_an_attempt_then_the_job_backs_off_and_succeeds(stack) -> None:
    # four (every call's attempts) fail the job's first attempt; two more the second's
    job, auth = run_job(stack, *[Reply.error(500) for _ in range(6)])
    assert job["state"] == "succeeded" and job["attempts"] == 2, job
    assert job["error"] is None or "HTTP 500" in job["error"]
    assert_nothing_held(stack, job, auth)


def test_answers_hanging_past_the_timeout_are_retried_then_the_job_succeeds(stack) -> None:
    hang = LLM_TIMEOUT_S * 4
    # the outline answers; the first section's answer hangs twice (streamed, as sections are)
    job, auth = run_job(stack, Reply.answer(), Reply.stall(hang), Reply.stall(hang))
    assert job["state"] == "succeeded" and job["attempts"] == 1, job
    first_section = stack["model"].requests[1:4]
    assert all(request.stream for request in first_section)
    assert all(gap >= LLM_TIMEOUT_S - 0.05 for gap in gaps(first_section))
    assert_nothing_held(stack, job, auth)


def test_a_server_that_keeps_failing_fails_the_job_with_a_readable_reason(stack) -> None:
    # It leaves the worker's circuit breaker open: the next test starts from there.
    job, auth = run_job(stack, *[Reply.error(500, "the model is on fire") for _ in range(60)])
    assert job["state"] == "failed" and job["attempts"] == 5, job
    reason = job["error"]
    assert reason.startswith("Gave up after 5 attempts: "), reason
    assert "HTTP 500" in reason and "test-model" in reason, reason
    assert "Traceback" not in reason and not CLASS_NAME.search(reason), reason
    assert "sk-test-outage-key" not in reason
    assert len(stack["model"].requests) == 5 * 4  # every attempt asked, and backed off
    assert job["tokens_used"] == 0
    assert_nothing_held(stack, job, auth)


def test_a_job_waits_for_the_open_breaker_instead_of_spending_its_attempts(stack) -> None:
    # Right after the test above the worker's breaker is open (for 30 s) though the server
    # answers again: the job must not use up its attempts against the breaker.
    job, auth = run_job(stack)
    assert job["state"] == "succeeded", job
    assert job["attempts"] <= 2, job
    assert_nothing_held(stack, job, auth)
