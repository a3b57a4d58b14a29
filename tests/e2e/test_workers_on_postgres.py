"""Real worker processes on PostgreSQL: a worker killed with SIGKILL mid-job is replaced and
the job finishes without paying twice; two workers share 20 jobs without doing anything
twice; and live events cross processes (PostgreSQL LISTEN/NOTIFY) to the WebSocket."""

import json
import re
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.e2e.workers import WorkerFleet
from tests.integration.openai_server import OpenAiTestServer, Reply
from tests.smtp_server import SmtpTestServer
from websockets.sync.client import connect

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SIX = {"sections": [{"title": f"Part {n}", "target_words": 2500} for n in range(1, 7)]}


def thesis(title: str) -> dict[str, Any]:
    return {"title": title, "topic": "Bridges", "kind": "thesis", "language": "en",
            "target_words": 15000, "citation_style": "apa"}


@pytest.fixture
def stack(own_database: str, tmp_path) -> Iterator[dict[str, Any]]:
    smtp, model = SmtpTestServer(), OpenAiTestServer()
    smtp.start()
    model.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test",
                     LLM_MODEL="test-model", JOB_LEASE_S="3", JOB_POLL_S="0.2",
                     SIGNUP_CREDITS="10000000",
                     RATE_LIMIT_API="100000/minute",  # the test polls 20 jobs at a time
                     SECTION_CONCURRENCY="2")
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    api = Served(env, tmp_path, "--no-worker")
    fleet = WorkerFleet(env, tmp_path)

    def start_worker(concurrency: int) -> subprocess.Popen[bytes]:
        return fleet.start(WORKER_CONCURRENCY=str(concurrency))

    try:
        api.wait_until_healthy()
        with httpx.Client(base_url=api.url, timeout=30) as client:
            yield {"client": client, "auth": sign_in(client, smtp, "ada@example.com"),
                   "model": model, "start_worker": start_worker, "api": api}
    finally:
        fleet.stop()
        api.stop()
        model.stop()
        smtp.stop()


def wait_until(check, timeout_s: float = 90.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    raise TimeoutError("the condition never held")


def section_requests(model: OpenAiTestServer) -> Counter[tuple[str, str]]:
    """(document title, section index) of every section's first request the model server
    saw (continuations of a section are not counted)."""
    seen: Counter[tuple[str, str]] = Counter()
    for request in model.requests:
        prompt = request.messages[-1]["content"]
        index = re.search(r"^SECTION_INDEX: (\d+)$", prompt, re.M)
        if "\nCONTINUE: yes" in prompt:
            continue
        if index:
            title = re.search(r"^TITLE: (.+)$", prompt, re.M).group(1)  # type: ignore[union-attr]
            seen[(title, index.group(1))] += 1
    return seen


def test_a_killed_worker_is_replaced_and_nothing_is_paid_twice(stack) -> None:
    client, auth, model = stack["client"], stack["auth"], stack["model"]
    model.plan(Reply.answer_json(SIX), *[Reply.answer(delay_s=0.6) for _ in range(12)])
    document = client.post("/api/v1/documents", json=thesis("Crash"), headers=auth).json()
    job = client.post(f"/api/v1/documents/{document['id']}/generate", headers=auth).json()
    first = stack["start_worker"](1)

    def two_sections_done() -> bool:  # the outline and two of six sections: 3 of 7 steps
        current = client.get(f"/api/v1/jobs/{job['id']}", headers=auth).json()
        return current["progress"] >= 3 / 7 - 0.001

    wait_until(two_sections_done)
    first.send_signal(signal.SIGKILL)  # as WorkerFleet.kill does
    first.wait(timeout=10)
    stack["start_worker"](1)
    done = wait_until(lambda: (j := client.get(f"/api/v1/jobs/{job['id']}", headers=auth)
                               .json())["state"] == "succeeded" and j)
    assert done["attempts"] == 2
    written = client.get(f"/api/v1/documents/{document['id']}", headers=auth).json()
    assert [s["index"] for s in written["sections"]] == [1, 2, 3, 4, 5, 6]
    requests = section_requests(model)
    assert sorted(int(index) for _, index in requests) == [1, 2, 3, 4, 5, 6]
    # at most the sections in flight (SECTION_CONCURRENCY) were asked for again
    assert sum(count - 1 for count in requests.values()) <= 2
    balance = client.get("/api/v1/billing/balance", headers=auth).json()
    assert balance["reserved"] == 0  # what the dead worker held was released
    assert 10_000_000 - balance["credits"] == balance["used_today"] == done["tokens_used"]


def test_two_workers_share_twenty_jobs_and_events_cross_processes(stack) -> None:
    client, auth, model, api = stack["client"], stack["auth"], stack["model"], stack["api"]
    jobs = []
    for n in range(20):
        document = client.post("/api/v1/documents", json={
            **thesis(f"Doc {n}"), "kind": "essay", "target_words": 1200}, headers=auth).json()
        jobs.append(client.post(f"/api/v1/documents/{document['id']}/generate",
                                headers=auth).json())
    token = auth["Authorization"].removeprefix("Bearer ")
    ws_url = api.url.replace("http://", "ws://") + f"/api/v1/jobs/{jobs[-1]['id']}/events"
    with connect(f"{ws_url}?token={token}&after=0", open_timeout=10) as socket:
        stack["start_worker"](4)
        stack["start_worker"](4)
        events = []
        for message in socket:
            events.append(json.loads(message))
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[-1]["state"] == "succeeded"

    def all_succeeded() -> bool:
        states = [client.get(f"/api/v1/jobs/{j['id']}", headers=auth).json()["state"]
                  for j in jobs]
        return all(state == "succeeded" for state in states)

    wait_until(all_succeeded)
    finals = [client.get(f"/api/v1/jobs/{j['id']}", headers=auth).json() for j in jobs]
    assert all(job["attempts"] == 1 for job in finals)  # each ran exactly once
    requests = section_requests(model)
    assert len({title for title, _ in requests}) == 20
    assert set(requests.values()) == {1}  # no section was generated twice
