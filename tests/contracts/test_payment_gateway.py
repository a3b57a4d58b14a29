"""The PaymentGateway contract, for the in-memory gateway, for Stripe's (the real `stripe`
library against a local Stripe-compatible server) and for Paddle's (httpx against a local
Paddle-compatible server): one page per payment however often it is asked for (the second
time for the payment as stored once its page was opened: Paddle has no idempotency keys and
finds the page by the payment's checkout id), and PaymentsUnavailable when the provider
cannot be reached."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import UUID

import pytest
from tests.integration.paddle_server import PaddleTestServer
from tests.integration.stripe_server import StripeTestServer
from tests.smtp_server import free_port

from adapters.memory.payment_gateway import InMemoryPaymentGateway
from adapters.paddle.checkout import PaddlePaymentGateway
from adapters.stripe.checkout import StripePaymentGateway
from domain.ids import PaymentId, UserId
from domain.payments import CreditPack, Money, Payment, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, PaymentGateway

PACK = CreditPack(id="starter", name="Starter", credits=1_000, price=Money(500, "eur"))
NOW = datetime(2026, 1, 1, tzinfo=UTC)
PAGES = CheckoutPages(success_url="https://tesigo.test/ok", cancel_url="https://tesigo.test/no")
pytestmark = pytest.mark.filterwarnings(r"ignore:Use 'content=<\.\.\.>':DeprecationWarning")


def a_payment(n: int) -> Payment:
    return Payment.open(id=PaymentId(UUID(int=n)), user_id=UserId(UUID(int=99)), pack=PACK,
                        now=NOW)


@pytest.fixture(params=["memory", "stripe", "paddle"])
async def gateway(request: pytest.FixtureRequest) -> AsyncIterator[PaymentGateway]:
    if request.param == "memory":
        yield InMemoryPaymentGateway()
        return
    if request.param == "paddle":
        with PaddleTestServer() as paddle_api:
            paddle = PaddlePaymentGateway("pdl_sdbx_apikey_contract",
                                          api_base=paddle_api.base_url, timeout_s=5)
            yield paddle
            await paddle.close()
        return
    with StripeTestServer() as server:
        stripe = StripePaymentGateway("sk_test_contract", api_base=server.base_url,
                                      timeout_s=5)
        yield stripe
        await stripe.close()


@pytest.fixture(params=["memory", "stripe", "paddle"])
async def unreachable(request: pytest.FixtureRequest) -> AsyncIterator[PaymentGateway]:
    if request.param == "memory":
        gateway = InMemoryPaymentGateway()
        gateway.unreachable = True
        yield gateway
        return
    if request.param == "paddle":
        paddle = PaddlePaymentGateway("pdl_sdbx_apikey_contract",
                                      api_base=f"http://127.0.0.1:{free_port()}", timeout_s=1)
        yield paddle
        await paddle.close()
        return
    stripe = StripePaymentGateway("sk_test_contract", api_base=f"http://127.0.0.1:{free_port()}",
                                  timeout_s=1, max_network_retries=0)
    yield stripe
    await stripe.close()


async def test_one_payment_opens_one_page_however_often_it_is_asked(gateway) -> None:
    payment = a_payment(1)
    first = await gateway.open_checkout(payment, PACK, "ada@example.com", PAGES)
    again = await gateway.open_checkout(payment.with_checkout(first.id, NOW), PACK,
                                        "ada@example.com", PAGES)
    other = await gateway.open_checkout(a_payment(2), PACK, "ada@example.com", PAGES)
    assert first == again and first.url.startswith("http")
    assert other.id != first.id


async def test_an_unreachable_provider_is_payments_unavailable(unreachable) -> None:
    with pytest.raises(PaymentsUnavailable):
        await unreachable.open_checkout(a_payment(1), PACK, "ada@example.com", PAGES)
