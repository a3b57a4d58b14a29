"""The billing API over the in-memory container: packs, checkout with Idempotency-Key,
payment history, the signed webhook and admin credit changes."""

import asyncio

import pytest
from litestar.testing import AsyncTestClient
from tests.http.conftest import Api
from tests.memory_container import WEBHOOK_SECRET, Fakes, memory_container, settings_for
from tests.stripe_events import checkout_event, refund_event
from tests.stripe_signing import signature_header

from adapters.memory.database import PAYMENTS, PROCESSED_EVENTS
from entrypoints.billing_config import DEFAULT_PACKS
from entrypoints.http.app import create_app

WEBHOOK = "/api/v1/billing/webhook"


def signed(payload: bytes, fakes: Fakes, *, secrets=(WEBHOOK_SECRET,), shift_s: int = 0,
           ) -> dict[str, str]:
    at = int(fakes.clock.now().timestamp()) + shift_s
    return {"Stripe-Signature": signature_header(payload, list(secrets), at),
            "Content-Type": "application/json"}


async def balance(client, headers) -> int:
    return (await client.get("/api/v1/billing/balance", headers=headers)).json()["credits"]


async def checkout(client, headers, package_id="starter", **extra) -> dict:
    response = await client.post("/api/v1/billing/checkout", json={"package_id": package_id},
                                 headers={**headers, **extra})
    assert response.status_code == 201, response.text
    return response.json()


def paid(payment_id: str, event_id: str = "evt_paid", amount: int = 499) -> bytes:
    return checkout_event(event_id, "checkout.session.completed", payment_id=payment_id,
                          amount=amount, payment_intent="pi_e2e")


async def test_packages_are_listed_with_prices_in_minor_units(client, api) -> None:
    headers = await api.headers()
    response = await client.get("/api/v1/billing/packages", headers=headers)
    assert response.status_code == 200
    assert response.json() == [{"id": p.id, "name": p.name, "credits": p.credits,
                                "amount": p.price.amount, "currency": p.price.currency}
                               for p in DEFAULT_PACKS]
    assert (await client.get("/api/v1/billing/packages")).status_code == 401


async def test_checkout_answers_the_payment_and_its_page(client, api, fakes) -> None:
    headers = await api.headers()
    body = await checkout(client, headers)
    [opened] = fakes.gateway.opened.values()
    assert body == {"payment_id": str(opened.payment.id), "checkout_url": opened.session.url}
    history = (await client.get("/api/v1/billing/payments", headers=headers)).json()
    assert [(p["id"], p["status"], p["package_id"], p["amount"], p["currency"], p["credits"])
            for p in history] == [(body["payment_id"], "pending", "starter", 499, "eur",
                                   DEFAULT_PACKS[0].credits)]


async def test_a_retried_checkout_with_its_key_opens_one_payment(client, api, fakes) -> None:
    headers = await api.headers()
    first = await checkout(client, headers, **{"Idempotency-Key": "buy-1"})
    again = await client.post("/api/v1/billing/checkout", json={"package_id": "starter"},
                              headers={**headers, "Idempotency-Key": "buy-1"})
    assert again.status_code == 201 and again.json() == first
    assert again.headers["Idempotent-Replayed"] == "true"
    other = await client.post("/api/v1/billing/checkout", json={"package_id": "pro"},
                              headers={**headers, "Idempotency-Key": "buy-1"})
    assert other.status_code == 422
    assert len(fakes.db.tables[PAYMENTS]) == 1 and len(fakes.gateway.opened) == 1


async def test_unknown_packs_and_bad_bodies_are_clear_errors(client, api) -> None:
    headers = await api.headers()
    unknown = await client.post("/api/v1/billing/checkout", json={"package_id": "gold"},
                                headers=headers)
    assert unknown.status_code == 422 and "starter" in unknown.json()["detail"]
    extra = await client.post("/api/v1/billing/checkout",
                              json={"package_id": "starter", "amount": 1}, headers=headers)
    assert extra.status_code == 422 and "amount" in extra.json()["detail"]


async def test_payments_not_configured_is_503_with_a_clear_detail() -> None:
    fakes, settings = Fakes(), settings_for(stripe_secret_key=None, stripe_webhook_secret=[])
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings)) as client:
        headers = await Api(client, fakes).headers()
        response = await client.post("/api/v1/billing/checkout",
                                     json={"package_id": "starter"}, headers=headers)
        assert response.status_code == 503
        assert response.json()["detail"] == "Payments are not configured on this server."
        payload = paid("00000000-0000-0000-0000-000000000001")
        webhook = await client.post(WEBHOOK, content=payload, headers=signed(payload, fakes))
        assert webhook.status_code == 503
    await container.close()


async def test_a_signed_event_credits_once_however_often_it_comes(client, api, fakes) -> None:
    headers = await api.headers()
    before = await balance(client, headers)
    payment_id = (await checkout(client, headers))["payment_id"]
    payload = paid(payment_id)
    answers = [await client.post(WEBHOOK, content=payload, headers=signed(payload, fakes))
               for _ in range(5)]
    answers += await asyncio.gather(*(
        client.post(WEBHOOK, content=payload, headers=signed(payload, fakes))
        for _ in range(5)))
    assert [a.status_code for a in answers] == [200] * 10
    assert [a.json()["result"] for a in answers].count("applied") == 1
    assert await balance(client, headers) == before + DEFAULT_PACKS[0].credits
    history = (await client.get("/api/v1/billing/payments", headers=headers)).json()
    assert history[0]["status"] == "succeeded"

    refund = refund_event("evt_refund", payment_intent="pi_e2e", amount=499)
    response = await client.post(WEBHOOK, content=refund, headers=signed(refund, fakes))
    assert response.status_code == 200 and response.json()["result"] == "applied"
    assert await balance(client, headers) == before
    history = (await client.get("/api/v1/billing/payments", headers=headers)).json()
    assert history[0]["status"] == "refunded"


@pytest.mark.parametrize("forge", ["tampered", "wrong_secret", "stale", "future", "missing",
                                   "garbage"])
async def test_unverified_deliveries_are_400_and_write_nothing(client, api, fakes,
                                                               forge) -> None:
    headers = await api.headers()
    before = await balance(client, headers)
    payment_id = (await checkout(client, headers))["payment_id"]
    payload = paid(payment_id)
    sent, sign = payload, signed(payload, fakes)
    if forge == "tampered":
        sent = payload.replace(b"499", b"999")
    elif forge == "wrong_secret":
        sign = signed(payload, fakes, secrets=("whsec_someone_else",))
    elif forge in ("stale", "future"):
        sign = signed(payload, fakes, shift_s=-301 if forge == "stale" else 301)
    elif forge == "missing":
        sign = {"Content-Type": "application/json"}
    else:
        sign = {"Stripe-Signature": "t=abc,v1=zz", "Content-Type": "application/json"}
    response = await client.post(WEBHOOK, content=sent, headers=sign)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert not fakes.db.tables[PROCESSED_EVENTS]
    assert await balance(client, headers) == before


async def test_two_signatures_during_secret_rotation_are_accepted(client, api, fakes) -> None:
    headers = await api.headers()
    payment_id = (await checkout(client, headers))["payment_id"]
    payload = paid(payment_id)
    rotation = signed(payload, fakes, secrets=("whsec_new_not_ours_yet", WEBHOOK_SECRET))
    response = await client.post(WEBHOOK, content=payload, headers=rotation)
    assert response.status_code == 200 and response.json()["result"] == "applied"


async def test_payments_are_each_users_own(client, api) -> None:
    ada, bob = await api.headers(), await api.headers("bob@example.com")
    await checkout(client, ada)
    assert (await client.get("/api/v1/billing/payments", headers=bob)).json() == []
    page = await client.get("/api/v1/billing/payments?limit=101", headers=ada)
    assert page.status_code == 422


async def test_admin_credits_need_the_admin_role(client, api) -> None:
    ada, boss = await api.headers(), await api.headers("boss@example.com")
    ada_id = (await client.get("/api/v1/auth/me", headers=ada)).json()["id"]
    url = f"/api/v1/admin/users/{ada_id}/credits"
    before = await balance(client, ada)
    refused = await client.post(url, json={"amount": 10, "reason": "me"}, headers=ada)
    assert refused.status_code == 403
    granted = await client.post(url, json={"amount": 2500, "reason": "goodwill"}, headers=boss)
    assert granted.status_code == 200
    assert granted.json()["credits"] == before + 2500 == await balance(client, ada)
    zero = await client.post(url, json={"amount": 0, "reason": "nothing"}, headers=boss)
    assert zero.status_code == 422
    ghost = "/api/v1/admin/users/00000000-0000-0000-0000-000000000001/credits"
    assert (await client.post(ghost, json={"amount": 1, "reason": "x"},
                              headers=boss)).status_code == 404
