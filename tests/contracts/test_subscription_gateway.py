"""The SubscriptionGateway contract, for the in-memory gateway, Stripe's (the real `stripe`
library against the local Stripe Billing stand-in) and Paddle's (against the local Paddle
API): one customer per account however often it is asked for, a page to subscribe on, the
cancellation told and taken back, a portal link, and PaymentsUnavailable when the provider
cannot be reached."""

from collections.abc import AsyncIterator
from uuid import UUID

import pytest
from tests.integration.paddle_server import PaddleTestServer
from tests.integration.stripe_billing_server import StripeBillingTestServer
from tests.payment_handling import PAGES
from tests.smtp_server import free_port

from adapters.memory.subscription_gateway import InMemoryBilling
from adapters.paddle.billing import PaddleBilling
from adapters.stripe.billing import StripeBilling
from domain.ids import UserId
from domain.payments import Money, PaymentsUnavailable
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.subscriptions import Plan

PLAN = Plan(id="student", name="Student", credits=1_000, price=Money(900, "eur"),
            stripe_price_id="price_student", paddle_price_id="pri_student")
ADA, BOB = UserId(UUID(int=1)), UserId(UUID(int=2))
pytestmark = pytest.mark.filterwarnings(r"ignore:Use 'content=<\.\.\.>':DeprecationWarning")


@pytest.fixture(params=["memory", "stripe", "paddle"])
async def gateway(request: pytest.FixtureRequest) -> AsyncIterator[SubscriptionGateway]:
    if request.param == "memory":
        yield InMemoryBilling()
        return
    if request.param == "stripe":
        with StripeBillingTestServer(prices={"price_student": 900}) as stripe_api:
            stripe_api.subscriptions["sub_1"] = {"id": "sub_1", "cancel_at_period_end": False}
            stripe = StripeBilling("sk_test_contract", api_base=stripe_api.base_url,
                                   timeout_s=5)
            yield stripe
            await stripe.close()
        return
    with PaddleTestServer() as paddle_api:
        paddle_api.prices["pri_student"] = ("900", "EUR")
        paddle_api.subscriptions["sub_1"] = {
            "id": "sub_1", "status": "active", "scheduled_change": None,
            "current_billing_period": {"starts_at": "2026-01-01T00:00:00Z",
                                       "ends_at": "2026-02-01T00:00:00Z"}}
        paddle = PaddleBilling("pdl_sdbx_apikey_contract", api_base=paddle_api.base_url,
                               timeout_s=5)
        yield paddle
        await paddle.close()


@pytest.fixture(params=["memory", "stripe", "paddle"])
async def unreachable(request: pytest.FixtureRequest) -> AsyncIterator[SubscriptionGateway]:
    closed = f"http://127.0.0.1:{free_port()}"
    gateway: InMemoryBilling | StripeBilling | PaddleBilling
    if request.param == "memory":
        gateway = InMemoryBilling()
        gateway.unreachable = True
    elif request.param == "stripe":
        gateway = StripeBilling("sk_test_contract", api_base=closed, timeout_s=1,
                                max_network_retries=0)
    else:
        gateway = PaddleBilling("pdl_sdbx_apikey_contract", api_base=closed, timeout_s=1)
    yield gateway
    if not isinstance(gateway, InMemoryBilling):
        await gateway.close()


async def test_an_account_has_one_customer_however_often_asked(gateway) -> None:
    first = await gateway.create_customer(ADA, "ada@example.com")
    again = await gateway.create_customer(ADA, "ada@example.com")
    other = await gateway.create_customer(BOB, "bob@example.com")
    assert first == again and first and other != first
    assert gateway.provider in ("stripe", "paddle")


async def test_a_customer_subscribes_on_a_page_and_reaches_the_portal(gateway) -> None:
    customer = await gateway.create_customer(ADA, "ada@example.com")
    page = await gateway.open_subscription(customer, PLAN, "attempt-1", PAGES)
    assert page.id and page.url.startswith("http")
    assert (await gateway.portal(customer, "https://tesigo.test/billing")).startswith("http")


async def test_a_cancellation_is_told_and_taken_back(gateway) -> None:
    await gateway.set_cancel_at_period_end("sub_1", True)
    await gateway.set_cancel_at_period_end("sub_1", False)


async def test_an_unreachable_provider_is_payments_unavailable(unreachable) -> None:
    with pytest.raises(PaymentsUnavailable):
        await unreachable.create_customer(ADA, "ada@example.com")
    with pytest.raises(PaymentsUnavailable):
        await unreachable.set_cancel_at_period_end("sub_1", True)
