"""PaddleBilling (httpx) against a local Paddle Billing API: customers, a plan's checkout,
cancellation at the period's end and the customer portal."""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any
from uuid import UUID

import pytest
from tests.integration.paddle_server import (
    CUSTOMERS_PATH,
    PORTAL_URL,
    TRANSACTIONS_PATH,
    PaddleTestServer,
)

from adapters.paddle.billing import PaddleBilling
from domain.ids import UserId
from domain.payments import Money, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages
from domain.subscriptions import Plan

KEY = "pdl_sdbx_apikey_01tesigosecretkey0123456789"
USER = UserId(UUID(int=1000))
EMAIL = "ada@example.org"
PRICE = "pri_01tesigobasic000000000000"
PLAN = Plan(id="basic", name="Basic", credits=100_000, price=Money(1000, "eur"),
            paddle_price_id=PRICE)
PAGES = CheckoutPages(success_url="https://tesigo.test/billing?subscribed=1",
                      cancel_url="https://tesigo.test/billing")
SUB = "sub_01tesigo0000000000000001"


@pytest.fixture
def paddle_server() -> Iterator[PaddleTestServer]:
    with PaddleTestServer() as server:
        server.prices[PRICE] = ("1000", "EUR")
        server.subscriptions[SUB] = {
            "id": SUB, "status": "active", "scheduled_change": None,
            "current_billing_period": {"starts_at": "2026-01-01T10:00:00.000000Z",
                                       "ends_at": "2026-02-01T10:00:00.000000Z"}}
        yield server


@pytest.fixture
async def billing(paddle_server: PaddleTestServer) -> AsyncIterator[PaddleBilling]:
    billing = PaddleBilling(KEY, api_base=paddle_server.base_url, timeout_s=2)
    yield billing
    await billing.close()


def test_the_provider_is_paddle():
    assert PaddleBilling(None).provider == "paddle"


async def test_a_customer_is_created_with_the_users_id(paddle_server, billing):
    ref = await billing.create_customer(USER, EMAIL)

    [request] = paddle_server.requests
    assert (request.method, request.path) == ("POST", CUSTOMERS_PATH)
    assert request.json == {"email": EMAIL, "custom_data": {"user_id": str(USER)}}
    assert paddle_server.customers[ref]["email"] == EMAIL
    assert ref.startswith("ctm_")


async def test_a_customer_that_exists_for_the_email_is_found_instead(paddle_server, billing):
    first = await billing.create_customer(USER, EMAIL)
    await billing.create_customer(USER, "grace@example.org")

    again = await billing.create_customer(USER, EMAIL)

    assert again == first
    assert len(paddle_server.customers) == 2
    lookup = paddle_server.requests[-1]
    assert (lookup.method, lookup.path, lookup.query) == ("GET", CUSTOMERS_PATH,
                                                          {"email": [EMAIL]})


async def test_a_subscription_page_is_a_transaction_of_the_plans_price(paddle_server, billing):
    customer = await billing.create_customer(USER, EMAIL)

    session = await billing.open_subscription(customer, PLAN, "attempt-1", PAGES)

    request = paddle_server.requests[-1]
    assert (request.method, request.path) == ("POST", TRANSACTIONS_PATH)
    assert request.json == {"items": [{"price_id": PRICE, "quantity": 1}],
                            "customer_id": customer,
                            "custom_data": {"plan_id": "basic", "attempt": "attempt-1"},
                            "checkout": {"url": PAGES.success_url}}
    transaction = paddle_server.transactions[session.id]
    assert transaction["customer_id"] == customer
    assert session.url == f"{PAGES.success_url}&_ptxn={session.id}"


async def test_a_plan_without_a_paddle_price_sends_nothing(paddle_server, billing):
    plan = Plan(id="stripe-only", name="S", credits=1, price=Money(1, "eur"),
                stripe_price_id="price_1")

    with pytest.raises(PaymentsUnavailable, match="no Paddle price"):
        await billing.open_subscription("ctm_1", plan, "attempt-1", PAGES)

    assert paddle_server.requests == []


async def test_an_unknown_price_is_refused(paddle_server, billing):
    paddle_server.prices.clear()

    with pytest.raises(PaymentsUnavailable, match="HTTP 404, entity_not_found"):
        await billing.open_subscription("ctm_1", PLAN, "attempt-1", PAGES)


async def test_cancelling_at_the_period_end_and_taking_it_back(paddle_server, billing):
    await billing.set_cancel_at_period_end(SUB, True)

    assert paddle_server.subscriptions[SUB]["scheduled_change"]["action"] == "cancel"
    assert paddle_server.subscriptions[SUB]["status"] == "active"
    cancel = paddle_server.requests[-1]
    assert (cancel.method, cancel.path, cancel.json) == (
        "POST", f"/subscriptions/{SUB}/cancel", {"effective_from": "next_billing_period"})

    await billing.set_cancel_at_period_end(SUB, False)

    assert paddle_server.subscriptions[SUB]["scheduled_change"] is None
    resume = paddle_server.requests[-1]
    assert (resume.method, resume.path, resume.json) == (
        "PATCH", f"/subscriptions/{SUB}", {"scheduled_change": None})


async def test_a_subscription_id_cannot_escape_its_path(paddle_server, billing):
    with pytest.raises(PaymentsUnavailable, match="HTTP 404"):
        await billing.set_cancel_at_period_end("../customers", True)

    assert paddle_server.requests[-1].path.startswith("/subscriptions/")


async def test_the_portal_is_the_customers_overview(paddle_server, billing):
    customer = await billing.create_customer(USER, EMAIL)

    url = await billing.portal(customer, "https://tesigo.test/billing")

    request = paddle_server.requests[-1]
    assert (request.method, request.path, request.json) == (
        "POST", f"/customers/{customer}/portal-sessions", {})
    assert url.startswith(f"{PORTAL_URL}?action=overview&token=cpls_")


def calls(billing: PaddleBilling) -> list[Callable[[], Awaitable[Any]]]:
    return [lambda: billing.create_customer(USER, EMAIL),
            lambda: billing.open_subscription("ctm_1", PLAN, "attempt-1", PAGES),
            lambda: billing.set_cancel_at_period_end(SUB, True),
            lambda: billing.set_cancel_at_period_end(SUB, False),
            lambda: billing.portal("ctm_1", "https://tesigo.test/billing")]


@pytest.mark.parametrize("status", [500, 409, 429])
@pytest.mark.parametrize("call", range(5))
async def test_a_failure_is_payments_unavailable_at_once(paddle_server, billing, status, call):
    paddle_server.fail_next(1, status=status)

    with pytest.raises(PaymentsUnavailable) as raised:
        await calls(billing)[call]()

    assert len(paddle_server.requests) == 1  # Paddle has no idempotency keys: never retried
    message = str(raised.value)
    assert "Injected" not in message and KEY not in message and EMAIL not in message


async def test_an_unknown_customers_portal_names_no_customer(paddle_server, billing):
    with pytest.raises(PaymentsUnavailable, match="HTTP 404, entity_not_found") as raised:
        await billing.portal("ctm_unknown", "https://tesigo.test/billing")

    assert "ctm_unknown" not in str(raised.value)


async def test_a_refused_key_is_reported_without_the_key(paddle_server):
    billing = PaddleBilling("not_a_paddle_key", api_base=paddle_server.base_url)
    try:
        with pytest.raises(PaymentsUnavailable, match="API key") as raised:
            await billing.create_customer(USER, EMAIL)
    finally:
        await billing.close()

    assert "not_a_paddle_key" not in str(raised.value)


@pytest.mark.parametrize("call", range(5))
async def test_an_answer_that_is_not_paddles_is_payments_unavailable(paddle_server, billing,
                                                                    call):
    paddle_server.garble_next(1)

    if call in (2, 3):  # nothing is read back from a change of the subscription
        await calls(billing)[call]()
    else:
        with pytest.raises(PaymentsUnavailable, match="something that is not"):
            await calls(billing)[call]()


async def test_a_closed_port_makes_every_call_unavailable(paddle_server):
    paddle_server.stop()
    billing = PaddleBilling(KEY, api_base=paddle_server.base_url, timeout_s=1)
    try:
        for call in calls(billing):
            with pytest.raises(PaymentsUnavailable, match="could not be reached"):
                await call()
    finally:
        await billing.close()


@pytest.mark.parametrize("key", [None, "", "  "])
async def test_without_an_api_key_nothing_is_sent(paddle_server, key):
    billing = PaddleBilling(key, api_base=paddle_server.base_url)

    for call in calls(billing):
        with pytest.raises(PaymentsUnavailable, match="not configured"):
            await call()

    assert paddle_server.requests == []
