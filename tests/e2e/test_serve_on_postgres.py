"""The real `tesigo serve` process on PostgreSQL, driven over HTTP: sign-in through a real
SMTP server, documents, and ownership between two users."""

import asyncio
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from tests.e2e.processes import Served, serving, tesigo_env
from tests.smtp_server import SmtpTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
LINK = re.compile(r"http://app\.test/auth/verify\?token=([A-Za-z0-9_\-]+)")
SPEC = {"title": "Bridges", "topic": "Suspension bridges in Europe", "kind": "thesis",
        "language": "uk", "target_words": 12000, "citation_style": "gost"}


@pytest.fixture
def service(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    smtp = SmtpTestServer()
    smtp.start()
    env = tesigo_env(ENVIRONMENT="production", DATABASE_URL=own_database,
                     SECRET_KEY="e2e-secret-key-0123456789abcdefghijklmnop",
                     SMTP_HOST=smtp.host, SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     ALLOWED_HOSTS="127.0.0.1,localhost",
                     ADMIN_EMAILS="boss@example.com", LOG_FORMAT="json",
                     RATE_LIMIT_SIGNIN="100/minute")
    try:
        with serving(env, tmp_path) as served:
            yield served, smtp
    finally:
        smtp.stop()


def sign_in(client: httpx.Client, smtp: SmtpTestServer, email: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {sign_in_pair(client, smtp, email)['access_token']}"}


def sign_in_pair(client: httpx.Client, smtp: SmtpTestServer, email: str) -> dict[str, str]:
    before = len(smtp.messages)
    assert client.post("/api/v1/auth/magic-link", json={"email": email}).status_code == 202
    deadline = time.monotonic() + 10
    while len(smtp.messages) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    text = smtp.messages[-1].get_body(preferencelist=("plain",)).get_content()
    token = LINK.search(text).group(1)  # type: ignore[union-attr]
    pair = client.post("/api/v1/auth/verify-magic-link", json={"token": token})
    assert pair.status_code == 200, pair.text
    return pair.json()  # type: ignore[no-any-return]


def test_sign_in_documents_and_ownership(service) -> None:
    served, smtp = service
    with httpx.Client(base_url=served.url, timeout=10) as client:
        assert client.get("/ready").status_code == 200
        alice = sign_in(client, smtp, "alice@example.com")
        bob = sign_in(client, smtp, "bob@example.com")
        assert client.get("/api/v1/auth/me", headers=alice).json()["email"] == "alice@example.com"

        created = client.post("/api/v1/documents", json=SPEC, headers=alice)
        assert created.status_code == 201, created.text
        url = f"/api/v1/documents/{created.json()['id']}"
        listed = client.get("/api/v1/documents", headers=alice).json()
        assert listed["total"] == 1 and listed["items"][0]["title"] == "Bridges"
        patched = client.patch(url, json={"title": "Мости Європи"}, headers=alice)
        assert patched.status_code == 200 and patched.json()["title"] == "Мости Європи"

        assert client.get(url, headers=bob).status_code == 404
        assert client.patch(url, json={"title": "x"}, headers=bob).status_code == 404
        assert client.delete(url, headers=bob).status_code == 404
        assert client.get("/api/v1/documents", headers=bob).json()["total"] == 0

        assert client.delete(url, headers=alice).status_code == 204
        assert client.get(url, headers=alice).status_code == 404
    log = served.log_path.read_text()
    assert "token=" not in log.replace("token=***", "")  # no sign-in link in production logs


def test_twenty_tabs_refreshing_at_once_all_stay_signed_in(service) -> None:
    served, smtp = service
    with httpx.Client(base_url=served.url, timeout=10) as client:
        pair = sign_in_pair(client, smtp, "tabs@example.com")

    async def refresh_at_once() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=served.url, timeout=30) as tabs:
            return await asyncio.gather(*(
                tabs.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
                for _ in range(20)))

    answers = asyncio.run(refresh_at_once())
    assert [a.status_code for a in answers] == [200] * 20, [a.text for a in answers]
    [successor] = {a.json()["refresh_token"] for a in answers}
    with httpx.Client(base_url=served.url, timeout=10) as client:
        for answer in answers:
            me = client.get("/api/v1/auth/me",
                            headers={"Authorization": f"Bearer {answer.json()['access_token']}"})
            assert me.status_code == 200
        assert client.post("/api/v1/auth/refresh",
                           json={"refresh_token": successor}).status_code == 200
