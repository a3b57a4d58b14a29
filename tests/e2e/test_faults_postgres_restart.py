"""PostgreSQL stops in the middle of mixed load and comes back (issue 16): while it is down
every API answer is a 503 problem (none a 500, none hanging) and /ready says so; after it is
back everything recovers without restarting TesiGo — the same API and worker processes —
and no job is lost or run twice, no credit lost or charged twice, and the live events of a
job followed across the outage still arrive, all of them, in order."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from tests.e2e.mixed_load import ESSAY, Answer, MixedLoad
from tests.e2e.processes import TESIGO, Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.e2e.test_workers_on_postgres import section_requests, thesis, wait_until
from tests.integration.openai_server import OpenAiTestServer
from tests.postgres import Cluster, PostgresUnavailable, restartable_cluster
from tests.smtp_server import SmtpTestServer
from websockets.sync.client import connect

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.faults,
              pytest.mark.timeout(420)]
CLIENT_TIMEOUT_S = 10.0  # an answer slower than this is a hang
OUTAGE_S = 4.0
SIGNUP_CREDITS = 10_000_000
USERS = ("ada@example.com", "bob@example.com")
IN_FLIGHT = 4 * 2  # WORKER_CONCURRENCY × SECTION_CONCURRENCY: sections written at once


@pytest.fixture
def stack(tmp_path) -> Iterator[dict[str, Any]]:
    with ExitStack() as cleanup:
        try:
            cluster = cleanup.enter_context(restartable_cluster())
        except PostgresUnavailable as error:
            pytest.skip(str(error))
        yield from running(cluster, tmp_path)


def running(cluster: Cluster, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """TesiGo on `cluster` as an operator runs it: migrated, an API process without a worker
    and a worker process, with a mail server and a model server that takes its time."""
    smtp, model = SmtpTestServer(), OpenAiTestServer()
    smtp.start()
    model.start()
    model.answer_after(0.3)  # jobs are in flight when the database goes away
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=cluster.url, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test",
                     LLM_MODEL="test-model", JOB_LEASE_S="30", JOB_POLL_S="0.2",
                     SIGNUP_CREDITS=str(SIGNUP_CREDITS), RATE_LIMIT_API="100000/minute",
                     SECTION_CONCURRENCY="2", WORKER_CONCURRENCY="4", DB_POOL_TIMEOUT_S="3")
    migrated = run_tesigo("migrate", env=env, cwd=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    api = Served(env, tmp_path, "--no-worker")
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen([*TESIGO, "worker"], cwd=tmp_path, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        api.wait_until_healthy(timeout_s=240)  # a loaded machine starts slowly
        with httpx.Client(base_url=api.url, timeout=CLIENT_TIMEOUT_S) as client:
            yield {"client": client, "api": api, "model": model, "cluster": cluster,
                   "worker": worker, "smtp": smtp, "worker_log": tmp_path / "worker.log"}
    finally:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
        log.close()
        api.stop()
        model.stop()
        smtp.stop()


class Follower(threading.Thread):
    """Follows one job's live events over the WebSocket until the service closes it."""

    def __init__(self, api: Served, auth: dict[str, str], job_id: str) -> None:
        super().__init__(daemon=True)
        token = auth["Authorization"].removeprefix("Bearer ")
        self._url = (api.url.replace("http://", "ws://")
                     + f"/api/v1/jobs/{job_id}/events?token={token}&after=0")
        self.events: list[dict[str, Any]] = []
        self.error: str | None = None

    def run(self) -> None:
        try:
            with connect(self._url, open_timeout=10) as socket:
                while True:
                    self.events.append(json.loads(socket.recv(timeout=60)))
        except Exception as error:  # a close ends the loop; anything else is kept
            if "1000" not in str(error):
                self.error = f"{type(error).__name__}: {error}"


def during(answer: Answer, window: tuple[float, float]) -> bool:
    return window[0] <= answer.started and answer.ended <= window[1]


def test_postgres_restarted_under_mixed_load(stack) -> None:
    client, api, model, cluster = stack["client"], stack["api"], stack["model"], stack["cluster"]
    auths = [sign_in(client, stack["smtp"], email) for email in USERS]
    long = client.post("/api/v1/documents", json=thesis("Across"), headers=auths[0]).json()
    followed = client.post(f"/api/v1/documents/{long['id']}/generate", headers=auths[0]).json()
    follower = Follower(api, auths[0], followed["id"])
    follower.start()
    early = [(followed, auths[0])]
    for n, auth in enumerate(auths):
        document = client.post("/api/v1/documents", json={**ESSAY, "title": f"Early {n}"},
                               headers=auth).json()
        early.append((client.post(f"/api/v1/documents/{document['id']}/generate",
                                  headers=auth).json(), auth))
    loads = [MixedLoad(api.url, auth, name=f"Load {n}", timeout_s=CLIENT_TIMEOUT_S)
             for n, auth in enumerate(auths)]
    for load in loads:
        load.start()
    wait_until(lambda: len(model.requests) >= 4, timeout_s=30)  # jobs are under way

    ready_down = outage(cluster, client)
    restarted = datetime.now(UTC)
    recovered_at = wait_until(lambda: client.get("/ready").status_code == 200 and
                              time.monotonic(), timeout_s=30)
    assert recovered_at - ready_down[1] < 30
    time.sleep(3)  # more load after the restart
    for load in loads:
        load.stop()

    answers = [a for load in loads for a in load.answers]
    assert not [a for a in answers if a.status is None], "requests hung or were refused"
    assert not [a for a in answers if a.status and a.status >= 500 and a.status != 503]
    in_outage = [a for a in answers if during(a, ready_down)]
    assert in_outage and {a.status for a in in_outage} <= {200, 201, 503}
    refused = [a for a in in_outage if a.status == 503]
    assert refused and all(a.content_type.startswith("application/problem+json")
                           for a in refused)
    after = [a for a in answers if a.started > recovered_at]
    assert after and all(a.status in (200, 201, 202, 409) for a in after), \
        {(a.method, a.path, a.status) for a in after if a.status not in (200, 201, 202, 409)}

    jobs = early + [(job, auth) for load, auth in zip(loads, auths, strict=True)
                    for job in load.jobs]
    wait_until(lambda: all(client.get(f"/api/v1/jobs/{job['id']}", headers=auth)
                           .json()["state"] == "succeeded" for job, auth in jobs), timeout_s=60)
    assert stack["worker"].poll() is None, stack["worker_log"].read_text()[-3000:]
    follower.join(timeout=30)
    assert follower.error is None, follower.error
    seqs = [e["seq"] for e in follower.events]
    assert seqs == list(range(1, len(seqs) + 1)) and follower.events[-1]["state"] == "succeeded"
    assert datetime.fromisoformat(follower.events[-1]["at"]) > restarted  # it ran across

    requests = section_requests(model)
    assert len({title for title, _ in requests}) == len(jobs)
    # Only a section in flight when the database went can be asked again (its step failed,
    # and was charged nothing); the saved ones are skipped when the job resumes.
    again = {section: n for section, n in requests.items() if n > 1}
    assert set(again.values()) <= {2} and len(again) <= IN_FLIGHT, again
    asyncio.run(books_balance(cluster.url, [job["id"] for job, _ in jobs]))


def outage(cluster: Cluster, client: httpx.Client) -> tuple[float, float]:
    """Stops PostgreSQL for OUTAGE_S while /ready is asked; (down since, back from)."""
    cluster.stop("fast")
    down = time.monotonic()
    while time.monotonic() - down < OUTAGE_S:
        started = time.monotonic()
        ready = client.get("/ready")
        assert ready.status_code == 503 and time.monotonic() - started < CLIENT_TIMEOUT_S
        time.sleep(0.5)
    back = time.monotonic()
    cluster.start()
    return down, back


async def books_balance(url: str, job_ids: list[str]) -> None:
    """Per job: succeeded once, events without a gap; per user: what the ledger charged is
    what their jobs used; nothing held anywhere."""
    connection = await asyncpg.connect(url)
    try:
        for job_id in job_ids:
            job = await connection.fetchrow(
                "SELECT state, attempts, last_seq, held_reservations FROM generation_jobs "
                "WHERE id = $1", job_id)
            events = await connection.fetch(
                "SELECT seq, state FROM job_events WHERE job_id = $1 ORDER BY seq", job_id)
            assert job["state"] == "succeeded" and job["held_reservations"] in ("[]", [])
            assert job["attempts"] == 1  # the outage cost no attempt: none ran twice
            assert [e["seq"] for e in events] == list(range(1, job["last_seq"] + 1))
            assert [e["state"] for e in events].count("succeeded") == 1
        users = await connection.fetch("SELECT user_id, credits, reserved FROM credit_accounts")
        for user in users:
            charged = await connection.fetchval(
                "SELECT -coalesce(sum(delta), 0) FROM ledger_entries "
                "WHERE user_id = $1 AND reason = 'usage'", user["user_id"])
            used = await connection.fetchval(
                "SELECT coalesce(sum(tokens_used), 0) FROM generation_jobs WHERE owner_id = $1",
                user["user_id"])
            assert charged == used > 0
            assert user["credits"] == SIGNUP_CREDITS - used and user["reserved"] == 0
        assert await connection.fetchval(
            "SELECT count(*) FROM token_reservations WHERE state = 'held'") == 0
        assert await connection.fetchval("SELECT sum(reserved) FROM quota_days") == 0
    finally:
        await connection.close()
