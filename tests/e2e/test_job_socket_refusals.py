"""On the real server, the job socket refuses a bad token, an unknown job and another
user's job after the handshake, with close codes a browser can read."""

import uuid

import httpx
import pytest
from tests.e2e.mail_files import mailed_token
from tests.e2e.processes import Served, tesigo_env
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

pytestmark = pytest.mark.e2e
SPEC = {"title": "Bridges", "topic": "Suspension bridges", "kind": "essay", "language": "en",
        "target_words": 600, "citation_style": "apa"}


def sign_in(client: httpx.Client, mail_dir, email: str) -> str:
    assert client.post("/api/v1/auth/magic-link", json={"email": email}).status_code == 202
    token = mailed_token(mail_dir, email)
    return client.post("/api/v1/auth/verify-magic-link", json={"token": token}
                       ).json()["access_token"]


def close_code(url: str) -> tuple[int, str]:
    with connect(url, open_timeout=10) as socket, pytest.raises(ConnectionClosed) as closed:
        socket.recv(timeout=10)  # the handshake succeeded; then the close
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code, closed.value.rcvd.reason


def test_refusals_arrive_as_close_codes(tmp_path) -> None:
    served = Served(tesigo_env(), tmp_path, "--no-worker")
    try:
        served.wait_until_healthy()
        with httpx.Client(base_url=served.url, timeout=10) as client:
            alice = sign_in(client, tmp_path / "var" / "mail", "alice@example.com")
            bob = sign_in(client, tmp_path / "var" / "mail", "bob@example.com")
            auth = {"Authorization": f"Bearer {alice}"}
            document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
            job = client.post(f"/api/v1/documents/{document['id']}/generate", headers=auth)
            assert job.status_code == 202, job.text
        ws = served.url.replace("http://", "ws://") + "/api/v1/jobs/{}/events?token={}"
        job_id = job.json()["id"]

        assert close_code(ws.format(job_id, "not-a-token"))[0] == 4401
        assert close_code(ws.format(job_id, ""))[0] == 4401
        others = close_code(ws.format(job_id, bob))
        unknown = close_code(ws.format(uuid.uuid4(), alice))
        assert others == unknown
        assert others[0] == 4404
    finally:
        served.stop()
