"""What PostgreSQL cannot take never reaches it: through the real `tesigo serve` on
PostgreSQL, a NUL character in a document field, an admin's credit reason or a signed
webhook's event, an offset past a bigint, and unreadable bodies are refused as 4xx, never 500."""

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from tests.e2e.processes import Served, serving, tesigo_env
from tests.e2e.test_serve_on_postgres import SPEC, sign_in
from tests.smtp_server import SmtpTestServer
from tests.stripe_signing import signature_header

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SECRET = "whsec_e2e_bad_input_0123456789"


@pytest.fixture
def service(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    smtp = SmtpTestServer()
    smtp.start()
    env = tesigo_env(ENVIRONMENT="production", DATABASE_URL=own_database,
                     SECRET_KEY="e2e-secret-key-0123456789abcdefghijklmnop",
                     SMTP_HOST=smtp.host, SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     ALLOWED_HOSTS="127.0.0.1,localhost", ADMIN_EMAILS="boss@example.com",
                     STRIPE_SECRET_KEY="sk_test_e2e", STRIPE_WEBHOOK_SECRET=SECRET,
                     LOG_FORMAT="json")
    try:
        with serving(env, tmp_path) as served:
            yield served, smtp
    finally:
        smtp.stop()


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
