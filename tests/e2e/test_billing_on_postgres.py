"""Billing through the real `tesigo serve` on PostgreSQL, with the real `stripe` library
talking to a local Stripe-compatible server: checkout, a signed webhook delivered ten times
(five at once) that credits the pack once, then a refund that takes it back."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from tests.e2e.processes import serving, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.integration.stripe_server import StripeTestServer
from tests.smtp_server import SmtpTestServer
from tests.stripe_events import checkout_event, refund_event
from tests.stripe_signing import signature_header

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.filterwarnings("ignore")]
SECRET = "whsec_e2e_0123456789"
WEBHOOK = "/api/v1/billing/webhook"


@pytest.fixture
def stack(own_database: str, tmp_path) -> Iterator[dict[str, Any]]:
    smtp, stripe = SmtpTestServer(), StripeTestServer()
    smtp.start()
    stripe.start()
    env = tesigo_env(ENVIRONMENT="production", DATABASE_URL=own_database,
                     SECRET_KEY="e2e-secret-key-0123456789abcdefghijklmnop",
                     SMTP_HOST=smtp.host, SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     ALLOWED_HOSTS="127.0.0.1,localhost",
                     STRIPE_SECRET_KEY="sk_test_e2e", STRIPE_WEBHOOK_SECRET=SECRET,
                     STRIPE_API_BASE=stripe.base_url, LOG_FORMAT="json")
    try:
        with serving(env, tmp_path) as served:
            yield {"served": served, "smtp": smtp, "stripe": stripe}
    finally:
        stripe.stop()
        smtp.stop()


def deliver(client: httpx.Client, payload: bytes) -> httpx.Response:
    header = signature_header(payload, SECRET, int(time.time()))
    return client.post(WEBHOOK, content=payload, headers={"Stripe-Signature": header,
                                                          "Content-Type": "application/json"})


def credits(client: httpx.Client, auth: dict[str, str]) -> int:
    return int(client.get("/api/v1/billing/balance", headers=auth).json()["credits"])


def test_checkout_webhook_credit_and_refund(stack) -> None:
    served, stripe = stack["served"], stack["stripe"]
    with httpx.Client(base_url=served.url, timeout=30) as client:
        auth = sign_in(client, stack["smtp"], "ada@example.com")
        [pack] = [p for p in client.get("/api/v1/billing/packages", headers=auth).json()
                  if p["id"] == "thesis"]
        before = credits(client, auth)

        buy = {**auth, "Idempotency-Key": "buy-thesis-1"}
        first = client.post("/api/v1/billing/checkout", json={"package_id": "thesis"},
                            headers=buy)
        again = client.post("/api/v1/billing/checkout", json={"package_id": "thesis"},
                            headers=buy)
        assert first.status_code == again.status_code == 201, first.text
        assert first.json() == again.json()
        payment_id = first.json()["payment_id"]
        assert stripe.sessions_created == 1
        [request] = stripe.requests
        assert request.params["client_reference_id"] == payment_id
        assert request.params["metadata"]["payment_id"] == payment_id
        assert request.headers["idempotency-key"] == f"tesigo-checkout-{payment_id}"
        assert first.json()["checkout_url"].startswith(stripe.base_url)

        paid = checkout_event("evt_e2e_paid", "checkout.session.completed",
                              payment_id=payment_id, amount=pack["amount"],
                              currency=pack["currency"], payment_intent="pi_e2e_1")
        answers = [deliver(client, paid) for _ in range(5)]
        with ThreadPoolExecutor(5) as pool:
            answers += list(pool.map(lambda _: deliver(client, paid), range(5)))
        assert [a.status_code for a in answers] == [200] * 10, [a.text for a in answers]
        assert [a.json()["result"] for a in answers].count("applied") == 1
        assert credits(client, auth) == before + pack["credits"]
        history = client.get("/api/v1/billing/payments", headers=auth).json()
        assert [(p["id"], p["status"]) for p in history] == [(payment_id, "succeeded")]

        header = signature_header(paid, SECRET, int(time.time()))
        tampered = paid.replace(b"evt_e2e_paid", b"evt_e2e_again")
        forged = client.post(WEBHOOK, content=tampered, headers={"Stripe-Signature": header})
        assert forged.status_code == 400

        refund = refund_event("evt_e2e_refund", payment_intent="pi_e2e_1",
                              amount=pack["amount"], currency=pack["currency"])
        assert deliver(client, refund).json()["result"] == "applied"
        assert deliver(client, refund).json()["result"] == "duplicate"
        assert credits(client, auth) == before
        history = client.get("/api/v1/billing/payments", headers=auth).json()
        assert history[0]["status"] == "refunded"
