"""A monthly plan through the real `tesigo serve` on PostgreSQL, with the real `stripe`
library talking to the local Stripe stand-in: subscribe (one customer however often asked),
the first period paid, renewed twice, cancelled at the period's end, ended; every event
delivered twice and out of order. The ledger holds exactly one grant per paid period."""

import json
import random
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.e2e.processes import serving, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.integration.stripe_billing_server import StripeBillingTestServer
from tests.smtp_server import SmtpTestServer
from tests.stripe_signing import signature_header

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.filterwarnings("ignore")]
SECRET = "whsec_e2e_subscriptions"
BILLING = "/api/v1/billing"
PLANS = [{"id": "student", "name": "Student", "credits": 40_000, "amount": 1_200,
          "currency": "eur", "stripe_price_id": "price_student"}]


@pytest.fixture
def stack(own_database: str, tmp_path) -> Iterator[dict[str, Any]]:
    smtp, stripe = SmtpTestServer(), StripeBillingTestServer(prices={"price_student": 1_200})
    smtp.start()
    stripe.start()
    env = tesigo_env(ENVIRONMENT="production", DATABASE_URL=own_database,
                     SECRET_KEY="e2e-secret-key-0123456789abcdefghijklmnop",
                     SMTP_HOST=smtp.host, SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     ALLOWED_HOSTS="127.0.0.1,localhost", STRIPE_SECRET_KEY="sk_test_e2e",
                     STRIPE_WEBHOOK_SECRET=SECRET, STRIPE_API_BASE=stripe.base_url,
                     SUBSCRIPTION_PLANS=json.dumps(PLANS), LOG_FORMAT="json")
    try:
        with serving(env, tmp_path) as served:
            yield {"served": served, "smtp": smtp, "stripe": stripe}
    finally:
        stripe.stop()
        smtp.stop()


def deliver(client: httpx.Client, events: list[bytes]) -> None:
    """Each event twice, in a shuffled order."""
    shuffled = events * 2
    random.Random(len(events)).shuffle(shuffled)
    for payload in shuffled:
        header = signature_header(payload, SECRET, int(time.time()))
        answer = client.post(f"{BILLING}/webhook", content=payload,
                             headers={"Stripe-Signature": header,
                                      "Content-Type": "application/json"})
        assert answer.status_code == 200, answer.text


def test_subscribe_renew_twice_cancel_and_end(stack) -> None:
    served, stripe = stack["served"], stack["stripe"]
    with httpx.Client(base_url=served.url, timeout=30) as client:
        auth = sign_in(client, stack["smtp"], "ada@example.com")
        assert [p["id"] for p in client.get(f"{BILLING}/plans", headers=auth).json()] == [
            "student"]
        first = client.post(f"{BILLING}/subscribe", json={"plan_id": "student"},
                            headers={**auth, "Idempotency-Key": "plan-1"})
        again = client.post(f"{BILLING}/subscribe", json={"plan_id": "student"},
                            headers={**auth, "Idempotency-Key": "plan-2"})
        assert first.status_code == again.status_code == 201, first.text
        assert len(stripe.customers) == 1, "one customer however often the user subscribes"
        [customer] = stripe.customers
        opened = [r.params for r in stripe.requests if r.params.get("mode") == "subscription"]
        assert [(o["customer"], o["line_items"][0]["price"]) for o in opened] == [
            (customer, "price_student")] * 2
        session_id = first.json()["checkout_url"].rsplit("/", 1)[1]

        deliver(client, stripe.complete(session_id))
        ref = "sub_test_1"
        shown = client.get(f"{BILLING}/subscription", headers=auth).json()
        assert (shown["status"], shown["plan_id"]) == ("active", "student")
        assert client.post(f"{BILLING}/subscribe", json={"plan_id": "student"},
                           headers=auth).status_code == 409
        deliver(client, stripe.renew(ref) + stripe.renew(ref))
        shown = client.get(f"{BILLING}/subscription", headers=auth).json()
        assert shown["current_period_end"] == "2026-04-01T00:00:00Z"

        cancelled = client.post(f"{BILLING}/subscription/cancel", headers=auth)
        assert cancelled.status_code == 200, cancelled.text
        assert stripe.subscriptions[ref]["cancel_at_period_end"] is True
        deliver(client, [stripe.updated(ref)])
        deliver(client, stripe.end(ref))
        shown = client.get(f"{BILLING}/subscription", headers=auth).json()
        assert (shown["status"], shown["cancel_at_period_end"]) == ("canceled", True)
        assert shown["ended_at"] == "2026-04-01T00:00:00Z"

        ledger = client.get("/api/v1/auth/me/export", headers=auth).json()["ledger"]
        granted = sorted((e["reason"], e["delta"], e["details"]["invoice"]) for e in ledger
                         if e["reason"] == "subscription")
        assert granted == [("subscription", 40_000, f"in_{ref}_{n}") for n in (1, 2, 3)]
        assert {e["reason"] for e in ledger} == {"signup", "subscription"}
        payments = client.get(f"{BILLING}/payments", headers=auth).json()
        assert sorted((p["package_id"], p["amount"], p["credits"], p["status"])
                      for p in payments) == [("student", 1_200, 40_000, "succeeded")] * 3
        portal = client.post(f"{BILLING}/portal", headers=auth)
        assert portal.json()["url"] == f"{stripe.base_url}/portal/{customer}"
