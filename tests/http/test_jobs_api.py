"""Jobs over HTTP and WebSocket, with the worker's job runner inside the app (as under
`tesigo serve`), the in-memory container and the offline model."""

import asyncio
from collections.abc import Iterator

import pytest
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import TestClient
from tests.memory_container import Fakes, memory_container, settings_for

from application.jobs.policy import JobPolicy
from entrypoints.http.app import create_app
from entrypoints.worker.jobs import JobRunner

SPEC = {"title": "Bridges", "topic": "Bridge engineering", "kind": "essay",
        "language": "en", "target_words": 1200, "citation_style": "ieee"}
LINK_TOKEN = "token="


@pytest.fixture
def served() -> Iterator[tuple[TestClient, Fakes]]:
    fakes, settings = Fakes(), settings_for()
    container = memory_container(fakes, settings)
    runner = JobRunner(container, worker="w", concurrency=2, policy=JobPolicy(lease_s=5),
                       poll_s=0.05)
    tasks: list[asyncio.Task[None]] = []

    async def start() -> None:
        tasks.append(asyncio.create_task(runner.run()))

    async def stop() -> None:
        runner.stop()
        await asyncio.gather(*tasks)
        await container.close()

    app = create_app(container, settings, on_startup=[start], on_shutdown=[stop])
    with TestClient(app=app) as client:
        yield client, fakes


def bearer(client: TestClient, fakes: Fakes, email: str = "ada@example.com") -> str:
    client.post("/api/v1/auth/magic-link", json={"email": email})
    text = next(m.text for m in reversed(fakes.mailer.sent) if m.to == email)
    token = text.split(LINK_TOKEN)[1].split()[0]
    return client.post("/api/v1/auth/verify-magic-link", json={"token": token}
                       ).json()["access_token"]


def start_job(client: TestClient, access: str, key: str | None = None):
    auth = {"Authorization": f"Bearer {access}"}
    document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
    headers = {**auth, **({"Idempotency-Key": key} if key else {})}
    return document, client.post(f"/api/v1/documents/{document['id']}/generate", headers=headers)


def follow(client: TestClient, job_id: str, access: str, after: int = 0) -> list[dict]:
    events = []
    with client.websocket_connect(f"/api/v1/jobs/{job_id}/events",
                                  params={"token": access, "after": after}) as socket:
        try:
            while True:
                events.append(socket.receive_json(timeout=20))
        except WebSocketDisconnect:
            pass
    return events


def test_a_job_runs_to_the_end_and_its_events_stream_in_order(served) -> None:
    client, fakes = served
    access = bearer(client, fakes)
    document, started = start_job(client, access)
    assert started.status_code == 202
    job = started.json()
    assert job["state"] in ("queued", "running")
    events = follow(client, job["id"], access)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[-1]["state"] == "succeeded"
    assert events[-1]["progress"] == 1.0
    assert all(e["job_id"] == job["id"] for e in events)
    auth = {"Authorization": f"Bearer {access}"}
    final = client.get(f"/api/v1/jobs/{job['id']}", headers=auth).json()
    assert final["state"] == "succeeded"
    assert final["tokens_used"] > 0
    written = client.get(f"/api/v1/documents/{document['id']}", headers=auth).json()
    assert written["status"] == "ready"
    assert len(written["sections"]) == len(written["outline"])

    k = len(events) // 2
    again = follow(client, job["id"], access, after=k)
    assert again == events[k:]  # a reconnecting client gets exactly what it missed


def test_other_users_and_bad_tokens_are_refused_on_the_socket(served) -> None:
    client, fakes = served
    alice = bearer(client, fakes, "alice@example.com")
    bob = bearer(client, fakes, "bob@example.com")
    _, started = start_job(client, alice)
    job_id = started.json()["id"]
    for token, code in ((bob, 4404), ("not-a-token", 4401)):
        with pytest.raises(WebSocketDisconnect) as refused, client.websocket_connect(
                f"/api/v1/jobs/{job_id}/events", params={"token": token}) as socket:
            socket.receive_json(timeout=5)
        assert refused.value.code == code
    assert client.get(f"/api/v1/jobs/{job_id}",
                      headers={"Authorization": f"Bearer {bob}"}).status_code == 404


def test_the_same_key_replays_the_same_job(served) -> None:
    client, fakes = served
    access = bearer(client, fakes)
    auth = {"Authorization": f"Bearer {access}", "Idempotency-Key": "gen-1"}
    document, first = start_job(client, access, key="gen-1")
    second = client.post(f"/api/v1/documents/{document['id']}/generate", headers=auth)
    assert first.status_code == second.status_code == 202
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers


def test_the_same_key_for_another_request_is_422_and_keys_are_per_user(served) -> None:
    client, fakes = served
    access = bearer(client, fakes)
    start_job(client, access, key="gen-2")
    _, other = start_job(client, access, key="gen-2")
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["detail"]
    _, bobs = start_job(client, bearer(client, fakes, "bob@example.com"), key="gen-2")
    assert bobs.status_code == 202


def test_keys_expire_after_a_day(served) -> None:
    client, fakes = served
    access = bearer(client, fakes)
    start_job(client, access, key="gen-3")
    fakes.clock.advance(hours=24, seconds=1)
    access = bearer(client, fakes)
    _, reused = start_job(client, access, key="gen-3")
    assert reused.status_code == 202
    assert "idempotent-replayed" not in reused.headers


def test_a_key_still_in_progress_is_409(served) -> None:
    import hashlib
    from uuid import UUID

    from adapters.memory.idempotency import InMemoryIdempotencyStore
    from adapters.memory.transactions import InMemoryTransactionManager
    from domain.ids import UserId
    from entrypoints.http.idempotency import fingerprint  # noqa: F401 - documents shape

    client, fakes = served
    access = bearer(client, fakes)
    auth = {"Authorization": f"Bearer {access}"}
    me = client.get("/api/v1/auth/me", headers=auth).json()
    document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
    path = f"/api/v1/documents/{document['id']}/generate"
    same_request = hashlib.sha256(b"POST %s\n" % path.encode()).hexdigest()  # see fingerprint()

    async def first_request_is_running() -> None:
        tx = InMemoryTransactionManager(fakes.db)
        await InMemoryIdempotencyStore(tx).begin(UserId(UUID(me["id"])), "gen-4", same_request,
                                                 fakes.clock.now())
        await tx.commit()

    client.blocking_portal.call(first_request_is_running)
    busy = client.post(path, headers={**auth, "Idempotency-Key": "gen-4"})
    assert busy.status_code == 409
    assert "still being processed" in busy.json()["detail"]


def test_cancel_a_job_and_a_finished_job_stays(served) -> None:
    client, fakes = served
    access = bearer(client, fakes)
    auth = {"Authorization": f"Bearer {access}"}
    _, started = start_job(client, access)
    job_id = started.json()["id"]
    follow(client, job_id, access)
    finished = client.post(f"/api/v1/jobs/{job_id}/cancel", headers=auth)
    assert finished.status_code == 200
    assert finished.json()["state"] == "succeeded"
