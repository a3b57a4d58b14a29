"""Monthly plans over the in-memory container: plans on sale, subscribing (the customer
made once), the subscription as Stripe's signed events leave it, cancel and resume, the
portal, credits granted per paid period and expired at its end, and admin figures."""

import json
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient
from tests.http.conftest import Api
from tests.memory_container import WEBHOOK_SECRET, memory_container, settings_for
from tests.stripe_billing_events import Line, invoice_event, subscription_event
from tests.stripe_events import refund_event
from tests.stripe_signing import signature_header

from application.housekeeping import Housekeeping
from domain.ids import UserId
from domain.ports.quota import QuotaLedger
from domain.ports.transactions import TransactionManager
from domain.quota import LedgerReason, QuotaLimits, Usage
from entrypoints.http.app import create_app

PLANS = json.dumps([
    {"id": "student", "name": "Student", "credits": 10_000, "amount": 1_000,
     "currency": "eur", "stripe_price_id": "price_student"},
    {"id": "keeper", "name": "Keeper", "credits": 4_000, "amount": 500, "currency": "eur",
     "rollover": True, "stripe_price_id": "price_keeper"},
    {"id": "elsewhere", "name": "Paddle only", "credits": 1, "amount": 1, "currency": "eur",
     "paddle_price_id": "pri_1"},
])
BILLING = "/api/v1/billing"
START = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
MONTH = 30 * 86_400
LIMITS = QuotaLimits(daily_tokens=10**9, global_daily_tokens=10**9)


@pytest.fixture
def settings():
    return settings_for(subscription_plans=PLANS)


async def subscribe(client, headers, plan_id="student", **extra):
    return await client.post(f"{BILLING}/subscribe", json={"plan_id": plan_id},
                             headers={**headers, **extra})


async def deliver(client, fakes, payload: bytes) -> None:
    at = int(fakes.clock.now().timestamp())
    response = await client.post(f"{BILLING}/webhook", content=payload, headers={
        "Stripe-Signature": signature_header(payload, WEBHOOK_SECRET, at),
        "Content-Type": "application/json"})
    assert response.status_code == 200, response.text


async def subscribed(client, fakes, customer: str, *, plan="price_student", amount=1_000,
                     n: int = 1, invoice: str = "in_1", status: str = "active") -> None:
    """Stripe reports period `n` of `sub_1` paid (or with `status`)."""
    start, end = START + (n - 1) * MONTH, START + n * MONTH
    await deliver(client, fakes, subscription_event(
        f"evt_sub_{n}_{status}", "customer.subscription.updated", subscription="sub_1",
        customer=customer, status=status, price=plan, start=start, end=end,
        created=start + 1))
    if status == "active":
        await deliver(client, fakes, invoice_event(
            f"evt_inv_{invoice}", "invoice.paid", invoice=invoice, subscription="sub_1",
            customer=customer, lines=[Line(plan, amount, start, end)], created=start))


async def test_the_plans_on_sale_here_are_listed(client, api) -> None:
    response = await client.get(f"{BILLING}/plans", headers=await api.headers())
    assert response.status_code == 200
    assert response.json() == [
        {"id": "student", "name": "Student", "credits": 10_000, "amount": 1_000,
         "currency": "eur", "rollover": False},
        {"id": "keeper", "name": "Keeper", "credits": 4_000, "amount": 500, "currency": "eur",
         "rollover": True}]
    assert (await client.get(f"{BILLING}/plans")).status_code == 401


async def test_subscribing_makes_the_customer_once_and_opens_a_page(client, api,
                                                                   fakes) -> None:
    headers = await api.headers()
    first = await subscribe(client, headers, **{"Idempotency-Key": "sub-1"})
    assert first.status_code == 201, first.text
    [opened] = fakes.gateway.subscriptions_opened.values()
    assert first.json() == {"plan_id": "student", "checkout_url": opened.session.url}
    replay = await subscribe(client, headers, **{"Idempotency-Key": "sub-1"})
    assert replay.json() == first.json() and replay.headers["Idempotent-Replayed"] == "true"
    second = await subscribe(client, headers, "keeper")
    assert second.status_code == 201
    assert len(fakes.gateway.customers) == 1
    assert {o.customer_ref for o in fakes.gateway.subscriptions_opened.values()} == {
        "cus_test_1"}
    assert [o.plan.id for o in fakes.gateway.subscriptions_opened.values()] == [
        "student", "keeper"]


async def test_an_unknown_plan_or_one_not_sold_here_is_422(client, api) -> None:
    headers = await api.headers()
    for plan in ("nope", "elsewhere"):
        response = await subscribe(client, headers, plan)
        assert response.status_code == 422, response.text
        assert "student" in response.json()["detail"]


async def test_payments_off_is_503(api, client, fakes) -> None:
    fakes.gateway.unreachable = True
    response = await subscribe(client, await api.headers())
    assert response.status_code == 503
    assert response.json()["detail"] == "The payment provider cannot be reached; try again."


async def test_the_subscription_follows_stripes_events_and_grants_each_period(
        client, api, fakes) -> None:
    headers = await api.headers()
    assert (await client.get(f"{BILLING}/subscription", headers=headers)).status_code == 404
    await subscribe(client, headers)
    await subscribed(client, fakes, "cus_test_1")
    await subscribed(client, fakes, "cus_test_1", n=2, invoice="in_2")

    body = (await client.get(f"{BILLING}/subscription", headers=headers)).json()
    assert body == {"plan_id": "student", "status": "active",
                    "current_period_start": "2026-01-31T00:00:00Z",
                    "current_period_end": "2026-03-02T00:00:00Z",
                    "cancel_at_period_end": False, "ended_at": None}
    balance = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]
    signup = balance - 20_000
    assert signup >= 0
    payments = (await client.get(f"{BILLING}/payments", headers=headers)).json()
    assert [(p["package_id"], p["status"], p["amount"], p["credits"]) for p in payments] == [
        ("student", "succeeded", 1_000, 10_000)] * 2
    receipt = await client.get(f"{BILLING}/payments/{payments[0]['id']}/receipt",
                               headers=headers)
    assert receipt.status_code == 200
    again = await subscribe(client, headers)
    assert again.status_code == 409, again.text


async def test_cancel_and_resume_tell_stripe_and_show_at_once(client, api, fakes) -> None:
    fakes.clock.set(datetime(2026, 1, 5, tzinfo=UTC))
    headers = await api.headers()
    assert (await client.post(f"{BILLING}/subscription/cancel",
                              headers=headers)).status_code == 404
    await subscribe(client, headers)
    await subscribed(client, fakes, "cus_test_1")

    cancelled = await client.post(f"{BILLING}/subscription/cancel", headers=headers)
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["cancel_at_period_end"] is True
    assert fakes.gateway.cancel_at_period_end == {"sub_1": True}
    shown = (await client.get(f"{BILLING}/subscription", headers=headers)).json()
    assert shown["cancel_at_period_end"] is True and shown["status"] == "active"
    fakes.clock.advance(seconds=1)
    resumed = await client.post(f"{BILLING}/subscription/resume", headers=headers)
    assert resumed.json()["cancel_at_period_end"] is False
    assert fakes.gateway.cancel_at_period_end == {"sub_1": False}

    fakes.gateway.unreachable = True
    fakes.clock.advance(seconds=1)
    failed = await client.post(f"{BILLING}/subscription/cancel", headers=headers)
    assert failed.status_code == 503
    shown = (await client.get(f"{BILLING}/subscription", headers=headers)).json()
    assert shown["cancel_at_period_end"] is False


async def test_the_portal_needs_a_customer(client, api, fakes) -> None:
    headers = await api.headers()
    assert (await client.post(f"{BILLING}/portal", headers=headers)).status_code == 404
    await subscribe(client, headers)
    response = await client.post(f"{BILLING}/portal", headers=headers)
    assert response.status_code == 200
    assert response.json()["url"].startswith("https://billing.test/portal/cus_test_1")


async def test_another_users_customer_changes_nothing_of_mine(client, api, fakes) -> None:
    ada = await api.headers("ada@example.com")
    bob = await api.headers("bob@example.com")
    await subscribe(client, ada)
    await subscribed(client, fakes, "cus_test_1")
    assert (await client.get(f"{BILLING}/subscription", headers=bob)).status_code == 404
    assert (await client.post(f"{BILLING}/subscription/cancel",
                              headers=bob)).status_code == 404
    await subscribed(client, fakes, "cus_unknown", invoice="in_9")  # not ours: ignored
    payments = (await client.get(f"{BILLING}/payments", headers=bob)).json()
    assert payments == []


async def housekeeping(client) -> None:
    async with client.app.state.dishka_container() as scope:
        await (await scope.get(Housekeeping))()


async def spend(client, user: UserId, tokens: int, now: datetime) -> None:
    """A model call charged `tokens` to `user` at `now`."""
    async with client.app.state.dishka_container() as scope:
        ledger, tx = await scope.get(QuotaLedger), await scope.get(TransactionManager)
        held = await ledger.reserve(user, tokens, now, LIMITS)
        await ledger.settle(held.id, Usage(model="m", prompt_tokens=tokens, completion_tokens=0,
                                           latency_ms=1), now)
        await tx.commit()


async def entries(client, user: UserId):
    async with client.app.state.dishka_container() as scope:
        return await (await scope.get(QuotaLedger)).entries(user)


async def user_id(client, headers) -> UserId:
    return UserId(UUID((await client.get("/api/v1/auth/me", headers=headers)).json()["id"]))


@pytest.mark.parametrize(("plan", "price", "expired"), [("student", "price_student", 7_000),
                                                        ("keeper", "price_keeper", 0)])
async def test_unused_credits_expire_at_the_periods_end_unless_they_roll_over(
        client, api, fakes, plan, price, expired) -> None:
    fakes.clock.set(datetime(2026, 1, 1, 1, tzinfo=UTC))
    headers = await api.headers()
    me = await user_id(client, headers)
    await subscribe(client, headers, plan)
    await subscribed(client, fakes, "cus_test_1", plan=price,
                     amount=1_000 if plan == "student" else 500)
    await spend(client, me, 3_000, fakes.clock.now())
    before = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]

    await housekeeping(client)  # the period has not ended: nothing expires
    assert (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"] == before
    fakes.clock.set(datetime(2026, 1, 31, tzinfo=UTC) + timedelta(seconds=1))
    await housekeeping(client)
    await housekeeping(client)  # once per period
    headers = await api.headers()
    after = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]
    assert after == before - expired
    swept = [(e.reason, e.delta, e.details.get("unused"), e.details.get("carried"))
             for e in await entries(client, me)
             if e.reason in (LedgerReason.EXPIRY, LedgerReason.ROLLOVER)]
    if expired:
        assert swept == [(LedgerReason.EXPIRY, -7_000, 7_000, None)]
    else:
        assert swept == [(LedgerReason.ROLLOVER, 0, None, 1_000)]


async def test_admin_stats_count_active_subscribers_and_mrr(client, api, fakes) -> None:
    ada = await api.headers("ada@example.com")
    await subscribe(client, ada)
    await subscribed(client, fakes, "cus_test_1")
    boss = await api.headers("boss@example.com")
    stats = (await client.get("/api/v1/admin/stats", headers=boss)).json()
    assert stats["subscribers"] == {"student": 1, "keeper": 0, "elsewhere": 0}
    assert stats["mrr"] == {"eur": 1_000}
    assert stats["revenue"] == {"eur": 1_000}


async def test_erasing_the_account_ends_its_subscription_first(client, api, fakes) -> None:
    fakes.clock.set(datetime(2026, 1, 5, tzinfo=UTC))
    headers = await api.headers()
    await subscribe(client, headers)
    await subscribed(client, fakes, "cus_test_1")
    fakes.gateway.unreachable = True
    refused = await client.delete("/api/v1/auth/me", headers=headers)
    assert refused.status_code == 503  # nothing erased while it would keep renewing
    assert (await client.get(f"{BILLING}/subscription", headers=headers)).status_code == 200

    fakes.gateway.unreachable = False
    assert (await client.delete("/api/v1/auth/me", headers=headers)).status_code == 204
    assert fakes.gateway.cancel_at_period_end == {"sub_1": True}
    await subscribed(client, fakes, "cus_test_1", n=2, invoice="in_2")  # names nobody now
    stats = (await client.get("/api/v1/admin/stats",
                              headers=await api.headers("boss@example.com"))).json()
    assert stats["revenue"] == {"eur": 1_000}


async def test_a_second_live_subscription_is_flagged_for_an_admin(client, api, fakes) -> None:
    headers = await api.headers()
    await subscribe(client, headers)
    await subscribed(client, fakes, "cus_test_1")
    second = subscription_event("evt_second", "customer.subscription.created",
                                subscription="sub_2", customer="cus_test_1", status="active",
                                price="price_student", start=START, end=START + MONTH,
                                created=START + 5)
    await deliver(client, fakes, second)
    log = (await client.get("/api/v1/admin/audit-log",
                            headers=await api.headers("boss@example.com"))).json()["items"]
    flagged = [e for e in log if e["action"] == "subscription.duplicate"]
    assert [(e["target"], e["details"]["live"]) for e in flagged] == [
        ("subscription:sub_2", "sub_1")]


async def test_the_schema_names_the_plans_sold_here(client) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    body = schema["components"]["schemas"]["SubscribeIn"]
    assert body["properties"]["plan_id"]["enum"] == ["student", "keeper"]


async def test_without_plans_on_sale_subscribing_is_404(api, fakes) -> None:
    settings = settings_for()
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings),
                               base_url="http://testserver.local") as client:
        headers = await Api(client, fakes).headers()
        response = await subscribe(client, headers)
        assert response.status_code == 404, response.text
        assert response.json()["detail"] == "No plans are on sale on this server."
        schema = (await client.get("/schema/openapi.json")).json()
        assert "enum" not in schema["components"]["schemas"]["SubscribeIn"]["properties"][
            "plan_id"]
    await container.close()


def invoice_paid_through(event_id: str, invoice: str, intent: str) -> bytes:
    """Stripe's `invoice_payment.paid` (API 2025-03-31 and later)."""
    return json.dumps({
        "id": event_id, "object": "event", "type": "invoice_payment.paid",
        "created": START, "api_version": "2025-03-31.basil", "livemode": False,
        "data": {"object": {"id": "inpay_1", "object": "invoice_payment", "invoice": invoice,
                            "amount_paid": 1_000, "currency": "eur", "status": "paid",
                            "payment": {"type": "payment_intent", "payment_intent": intent}}},
    }).encode()


@pytest.mark.parametrize("linked_first", [True, False])
async def test_a_refunded_period_takes_its_credits_back(client, api, fakes,
                                                        linked_first) -> None:
    headers = await api.headers()
    await subscribe(client, headers)
    before = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]
    link = invoice_paid_through("evt_link", "in_1", "pi_period_1")
    if linked_first:
        await deliver(client, fakes, link)
    await subscribed(client, fakes, "cus_test_1")
    if not linked_first:
        await deliver(client, fakes, link)
    paid = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]
    assert paid == before + 10_000

    await deliver(client, fakes, refund_event("evt_refund", payment_intent="pi_period_1",
                                              amount=1_000))
    after = (await client.get(f"{BILLING}/balance", headers=headers)).json()["credits"]
    assert after == before
    [payment] = (await client.get(f"{BILLING}/payments", headers=headers)).json()
    assert payment["status"] == "refunded"
