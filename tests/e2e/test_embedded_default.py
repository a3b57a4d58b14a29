"""`tesigo serve` with no configuration at all: SQLite under ./var, the worker in-process,
e-mail written to ./var/mail, and (development only) the link printed to the console."""

import re
import signal
import time
from email import message_from_bytes
from email.policy import default

import httpx
import pytest
from tests.e2e.processes import Served, tesigo_env

pytestmark = pytest.mark.e2e
LINK = re.compile(r"http://127\.0\.0\.1:8000/auth/verify\?token=([A-Za-z0-9_\-]+)")


def newest_mail_token(mail_dir) -> str:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        files = sorted(mail_dir.glob("*.eml")) if mail_dir.exists() else []
        if files:
            message = message_from_bytes(files[-1].read_bytes(), policy=default)
            text = message.get_body(preferencelist=("plain",)).get_content()
            return LINK.search(text).group(1)  # type: ignore[union-attr]
        time.sleep(0.1)
    raise AssertionError("no e-mail appeared in ./var/mail")


def test_the_service_runs_on_embedded_defaults(tmp_path) -> None:
    served = Served(tesigo_env(), tmp_path)
    try:
        served.wait_until_healthy()
        with httpx.Client(base_url=served.url, timeout=10) as client:
            assert client.post("/api/v1/auth/magic-link",
                               json={"email": "ada@example.com"}).status_code == 202
            token = newest_mail_token(tmp_path / "var" / "mail")
            pair = client.post("/api/v1/auth/verify-magic-link", json={"token": token}).json()
            auth = {"Authorization": f"Bearer {pair['access_token']}"}
            created = client.post("/api/v1/documents", headers=auth, json={
                "title": "Bridges", "topic": "Suspension bridges", "kind": "essay",
                "language": "en", "target_words": 1500, "citation_style": "apa"})
            assert created.status_code == 201
            assert client.get("/api/v1/documents", headers=auth).json()["total"] == 1
            url = f"/api/v1/documents/{created.json()['id']}"
            outline = client.post(f"{url}/outline", headers=auth).json()["outline"]
            section = client.post(f"{url}/sections/1/generate", headers=auth).json()
            document = client.get(url, headers=auth).json()
    finally:
        assert served.stop() in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in served.log_path.read_text()
    assert (tmp_path / "var" / "tesigo.db").is_file()
    assert len(outline) >= 3
    assert section["text"].startswith("[Offline draft")  # labelled: no model wrote it
    assert section["citations"]
    assert {s["n"] for s in document["sources"]} >= set(section["citations"])
    assert len(document["bibliography"]) == len(section["citations"])
    assert token in served.log_path.read_text()  # development prints the link
