"""PAYMENT_PROVIDER=paddle: the webhook reads `Paddle-Signature` (a Stripe-signed delivery
is refused), plans are sold by their Paddle price, and a subscription's paid transaction
grants its plan's credits once."""

import json

import pytest
from tests.http.test_subscriptions_api import BILLING, subscribe
from tests.memory_container import Fakes, settings_for
from tests.paddle_billing_events import subscription_event, transaction_event
from tests.paddle_signing import paddle_signature
from tests.stripe_signing import signature_header

from adapters.memory.subscription_gateway import InMemoryBilling

SECRET = "pdl_ntfset_secret"
PLANS = json.dumps([{"id": "student", "name": "Student", "credits": 10_000, "amount": 1_000,
                     "currency": "eur", "paddle_price_id": "pri_student"},
                    {"id": "stripe-only", "name": "Stripe", "credits": 1, "amount": 1,
                     "currency": "eur", "stripe_price_id": "price_x"}])


@pytest.fixture
def fakes() -> Fakes:
    return Fakes(gateway=InMemoryBilling(provider="paddle"))


@pytest.fixture
def settings():
    return settings_for(payment_provider="paddle", paddle_api_key="pdl_test_key",
                        paddle_webhook_secret=[SECRET], stripe_secret_key=None,
                        subscription_plans=PLANS)


async def deliver(client, fakes, payload: bytes, header: str | None = None):
    at = int(fakes.clock.now().timestamp())
    return await client.post(f"{BILLING}/webhook", content=payload, headers={
        "Paddle-Signature": header or paddle_signature(payload, SECRET, at),
        "Content-Type": "application/json"})


async def test_paddle_sells_its_plans_and_grants_a_paid_period_once(client, api,
                                                                   fakes) -> None:
    headers = await api.headers()
    plans = (await client.get(f"{BILLING}/plans", headers=headers)).json()
    assert [plan["id"] for plan in plans] == ["student"]
    assert (await subscribe(client, headers)).status_code == 201
    [customer] = fakes.gateway.customers.values()
    before = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]

    started = subscription_event("evt_1", "subscription.created", price_id="pri_student",
                                 customer_id=customer)
    paid = transaction_event("evt_2", lines=[("pri_student", 1_000)], customer_id=customer)
    for payload in (paid, started, paid, started):
        answer = await deliver(client, fakes, payload)
        assert answer.status_code == 200, answer.text

    shown = (await client.get(f"{BILLING}/subscription", headers=headers)).json()
    assert (shown["status"], shown["plan_id"]) == ("active", "student")
    after = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]
    assert after == before + 10_000


async def test_a_delivery_signed_the_stripe_way_is_refused(client, api, fakes) -> None:
    payload = transaction_event("evt_3")
    at = int(fakes.clock.now().timestamp())
    stripe_signed = await client.post(f"{BILLING}/webhook", content=payload, headers={
        "Stripe-Signature": signature_header(payload, SECRET, at),
        "Content-Type": "application/json"})
    assert stripe_signed.status_code == 400
    wrong = await deliver(client, fakes, payload, paddle_signature(payload, "other", at))
    assert wrong.status_code == 400
