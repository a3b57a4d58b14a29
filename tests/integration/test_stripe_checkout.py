"""The real `stripe` library, driven by StripePaymentGateway, against a local Stripe API."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import UUID

import pytest
from tests.integration.stripe_server import SESSIONS_PATH, StripeTestServer

from adapters.stripe.checkout import StripePaymentGateway
from domain.ids import PaymentId, UserId
from domain.payments import CreditPack, Money, Payment, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages

KEY = "sk_test_51TesiGoSecretKey0123456789"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PACK = CreditPack(id="starter", name="Starter pack", credits=100_000, price=Money(500, "eur"))
PAGES = CheckoutPages(success_url="https://tesigo.test/billing?paid=1",
                      cancel_url="https://tesigo.test/billing?cancelled=1")
EMAIL = "ada@example.org"

# stripe 16 hands httpx the form body as `data=<str>`, which httpx 0.28 deprecates.
pytestmark = pytest.mark.filterwarnings(r"ignore:Use 'content=<\.\.\.>':DeprecationWarning")


def a_payment(n: int = 1) -> Payment:
    return Payment.open(id=PaymentId(UUID(int=n)), user_id=UserId(UUID(int=1000)), pack=PACK,
                        now=NOW)


@pytest.fixture
async def gateway(stripe_server: StripeTestServer) -> AsyncIterator[StripePaymentGateway]:
    gateway = StripePaymentGateway(KEY, api_base=stripe_server.base_url, timeout_s=2)
    yield gateway
    await gateway.close()


async def test_the_session_request_carries_the_payment_and_the_pack(stripe_server, gateway):
    payment = a_payment()

    session = await gateway.open_checkout(payment, PACK, EMAIL, PAGES)

    [request] = stripe_server.requests
    assert (request.method, request.path) == ("POST", SESSIONS_PATH)
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["idempotency-key"] == f"tesigo-checkout-{payment.id}"
    params = request.params
    assert params["mode"] == "payment"
    assert params["client_reference_id"] == str(payment.id)
    assert params["metadata"] == {"payment_id": str(payment.id)}
    assert params["payment_intent_data"] == {"metadata": {"payment_id": str(payment.id)}}
    assert params["line_items"] == [{
        "quantity": "1",
        "price_data": {"currency": "eur", "unit_amount": "500",
                       "product_data": {"name": "Starter pack",
                                        "description": "100,000 credits"}},
    }]
    assert params["customer_email"] == EMAIL
    assert (params["success_url"], params["cancel_url"]) == (PAGES.success_url,
                                                             PAGES.cancel_url)
    assert session.id == "cs_test_1"
    assert session.url == f"{stripe_server.base_url}/pay/cs_test_1"


async def test_opening_the_same_payment_twice_opens_one_session(stripe_server, gateway):
    first = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    again = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    other = await gateway.open_checkout(a_payment(2), PACK, EMAIL, PAGES)

    assert again == first
    assert other.id != first.id
    assert stripe_server.sessions_created == 2


async def test_a_transient_failure_is_retried_with_the_same_key(stripe_server, gateway):
    stripe_server.fail_next(1, status=500)

    session = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    keys = [r.headers["idempotency-key"] for r in stripe_server.requests]
    assert keys == [f"tesigo-checkout-{a_payment().id}"] * 2
    assert session.id == "cs_test_1"
    assert stripe_server.sessions_created == 1


async def test_stripe_asking_not_to_retry_is_honoured(stripe_server, gateway):
    stripe_server.fail_next(1, status=500, should_retry=False)

    with pytest.raises(PaymentsUnavailable, match="HTTP 500"):
        await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    assert len(stripe_server.requests) == 1


async def test_a_server_that_keeps_failing_makes_payments_unavailable(stripe_server, gateway):
    stripe_server.fail_next(10, status=503)

    with pytest.raises(PaymentsUnavailable) as raised:
        await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    assert len(stripe_server.requests) == 3  # the first attempt and two retries
    assert raised.value.__cause__ is not None
    assert KEY not in str(raised.value)


async def test_a_refused_key_is_reported_without_the_key(stripe_server):
    gateway = StripePaymentGateway("not_a_secret_key", api_base=stripe_server.base_url)
    try:
        with pytest.raises(PaymentsUnavailable, match="API key") as raised:
            await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    finally:
        await gateway.close()

    assert "not_a_secret_key" not in str(raised.value)
    assert len(stripe_server.requests) == 1  # a 401 is not retried


async def test_a_closed_port_makes_payments_unavailable(stripe_server):
    stripe_server.stop()
    gateway = StripePaymentGateway(KEY, api_base=stripe_server.base_url, timeout_s=1,
                                   max_network_retries=0)
    try:
        with pytest.raises(PaymentsUnavailable, match="could not be reached") as raised:
            await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    finally:
        await gateway.close()

    assert raised.value.__cause__ is not None


async def test_without_a_secret_key_nothing_is_sent(stripe_server):
    gateway = StripePaymentGateway(None, api_base=stripe_server.base_url)

    with pytest.raises(PaymentsUnavailable, match="not configured"):
        await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    assert stripe_server.requests == []
    await gateway.close()


async def test_a_closed_gateway_opens_a_new_client_when_used_again(stripe_server, gateway):
    await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    await gateway.close()

    await gateway.open_checkout(a_payment(2), PACK, EMAIL, PAGES)

    assert stripe_server.sessions_created == 2
