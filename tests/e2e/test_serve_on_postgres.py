"""The real `tesigo serve` process on PostgreSQL, driven over HTTP: sign-in through a real
SMTP server, documents, ownership between two users, refreshes in parallel tabs, and what
PostgreSQL cannot store (a NUL character, an offset past a bigint) never reaching it."""

import asyncio
import json
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from tests.e2e.processes import Served, serving, tesigo_env
from tests.smtp_server import SmtpTestServer
from tests.stripe_signing import signature_header

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SECRET = "whsec_e2e_serve_0123456789"
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
                     TOTP_ENCRYPTION_KEY="TjWnZr4u7x_A-DQMzbGDb5Ki2NZ8Ta6dC3bvPrp-jlw=",
                     RATE_LIMIT_SIGNIN="100/minute", STRIPE_SECRET_KEY="sk_test_e2e",
                     STRIPE_WEBHOOK_SECRET=SECRET)
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


def test_nothing_postgres_cannot_store_reaches_it(service) -> None:
    served, smtp = service
    with httpx.Client(base_url=served.url, timeout=10) as client:
        ada, boss = sign_in(client, smtp, "ada@example.com"), sign_in(client, smtp,
                                                                       "boss@example.com")
        for field in ("title", "topic", "instructions"):
            answer = client.post("/api/v1/documents", json={**SPEC, field: "a\u0000b"},
                                 headers=ada)
            assert answer.status_code == 422 and field in answer.json()["detail"], answer.text
        me = client.get("/api/v1/auth/me", headers=ada).json()
        credits = client.post(f"/api/v1/admin/users/{me['id']}/credits", headers=boss,
                              json={"amount": 10, "reason": "goodwill\u0000"})
        assert credits.status_code == 422 and "reason" in credits.json()["detail"]

        event = json.dumps({"id": "evt_\u0000", "type": "checkout.session.completed",
                            "data": {"object": {}}}).encode()
        webhook = client.post("/api/v1/billing/webhook", content=event, headers={
            "Stripe-Signature": signature_header(event, SECRET, int(time.time()))})
        assert webhook.status_code == 400, webhook.text

        for path in ("/api/v1/documents", "/api/v1/billing/payments"):
            for offset in (-1, 2**63, 10**30):
                paged = client.get(path, params={"offset": offset}, headers=ada)
                assert paged.status_code == 422 and "offset" in paged.text, (path, offset)
        for path in ("/api/v1/admin/users", "/api/v1/admin/audit-log"):
            assert client.get(path, params={"offset": 2**63}, headers=boss).status_code == 422

        for body in (b"[" * 100_000, b'{"email": "\xff"}'):
            refused = client.post("/api/v1/auth/magic-link", content=body,
                                  headers={"Content-Type": "application/json"})
            assert refused.status_code == 400, refused.text
        assert client.post("/api/v1/documents", json=SPEC, headers=ada).status_code == 201
    assert '"status": 500' not in served.log_path.read_text()
