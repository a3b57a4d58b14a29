"""PaddlePaymentGateway (httpx) against a local Paddle Billing API."""

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from uuid import UUID

import pytest
from tests.integration.paddle_server import TRANSACTIONS_PATH, PaddleTestServer

from adapters.paddle.checkout import PaddlePaymentGateway
from domain.ids import PaymentId, UserId
from domain.payments import CreditPack, Money, Payment, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages

KEY = "pdl_sdbx_apikey_01tesigosecretkey0123456789"
NOW = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
PACK = CreditPack(id="starter", name="Starter pack", credits=100_000, price=Money(500, "eur"))
PAGES = CheckoutPages(success_url="https://tesigo.test/billing?paid=1",
                      cancel_url="https://tesigo.test/billing?cancelled=1")
EMAIL = "ada@example.org"


def a_payment(n: int = 1) -> Payment:
    return Payment.open(id=PaymentId(UUID(int=n)), user_id=UserId(UUID(int=1000)), pack=PACK,
                        now=NOW)


@pytest.fixture
def paddle_server() -> Iterator[PaddleTestServer]:
    with PaddleTestServer() as server:
        yield server


@pytest.fixture
async def gateway(paddle_server: PaddleTestServer) -> AsyncIterator[PaddlePaymentGateway]:
    gateway = PaddlePaymentGateway(KEY, api_base=paddle_server.base_url, timeout_s=2)
    yield gateway
    await gateway.close()


async def test_the_transaction_request_carries_the_payment_and_the_pack(paddle_server, gateway):
    payment = a_payment()

    session = await gateway.open_checkout(payment, PACK, EMAIL, PAGES)

    [request] = paddle_server.requests
    assert (request.method, request.path) == ("POST", TRANSACTIONS_PATH)
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["content-type"] == "application/json"
    assert request.json == {
        "items": [{
            "quantity": 1,
            "price": {
                "description": "100,000 credits", "name": "Starter pack",
                "unit_price": {"amount": "500", "currency_code": "EUR"},
                "product": {"name": "Starter pack", "tax_category": "standard"},
            },
        }],
        "custom_data": {"payment_id": str(payment.id)},
        "checkout": {"url": PAGES.success_url},
    }
    [transaction_id] = paddle_server.transactions
    assert session.id == transaction_id
    assert session.url == f"{PAGES.success_url}&_ptxn={transaction_id}"


async def test_a_payment_with_a_transaction_reads_it_instead_of_opening_another(
        paddle_server, gateway):
    first = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    again = await gateway.open_checkout(a_payment().with_checkout(first.id, NOW), PACK, EMAIL,
                                        PAGES)

    assert again == first
    assert paddle_server.transactions_created == 1
    assert [(r.method, r.path) for r in paddle_server.requests] == [
        ("POST", TRANSACTIONS_PATH), ("GET", f"{TRANSACTIONS_PATH}/{first.id}")]


async def test_reading_a_transaction_retries_a_transient_failure(paddle_server, gateway):
    first = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    paddle_server.fail_next(2, status=503)

    again = await gateway.open_checkout(a_payment().with_checkout(first.id, NOW), PACK, EMAIL,
                                        PAGES)

    assert again == first
    assert [r.method for r in paddle_server.requests] == ["POST", "GET", "GET", "GET"]


async def test_reading_a_transaction_gives_up_after_two_retries(paddle_server, gateway):
    first = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    paddle_server.fail_next(10, status=500)

    with pytest.raises(PaymentsUnavailable, match="HTTP 500") as raised:
        await gateway.open_checkout(a_payment().with_checkout(first.id, NOW), PACK, EMAIL, PAGES)

    assert [r.method for r in paddle_server.requests] == ["POST", "GET", "GET", "GET"]
    assert "Injected" not in str(raised.value)


async def test_an_unknown_transaction_is_not_retried_and_opens_nothing(paddle_server, gateway):
    with pytest.raises(PaymentsUnavailable, match="HTTP 404, entity_not_found") as raised:
        await gateway.open_checkout(a_payment().with_checkout("txn_unknown", NOW), PACK, EMAIL,
                                    PAGES)

    assert len(paddle_server.requests) == 1
    assert paddle_server.transactions_created == 0
    assert "txn_unknown" not in str(raised.value)


async def test_a_transaction_id_cannot_escape_its_path(paddle_server, gateway):
    with pytest.raises(PaymentsUnavailable):
        await gateway.open_checkout(a_payment().with_checkout("../transactions", NOW), PACK,
                                    EMAIL, PAGES)

    [request] = paddle_server.requests
    assert request.method == "GET" and request.path.startswith(f"{TRANSACTIONS_PATH}/")


@pytest.mark.parametrize("status", [500, 503, 400, 429])
async def test_a_failed_create_is_not_retried(paddle_server, gateway, status):
    paddle_server.fail_next(1, status=status)

    with pytest.raises(PaymentsUnavailable) as raised:
        await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    assert len(paddle_server.requests) == 1  # Paddle has no idempotency keys
    assert "Injected" not in str(raised.value) and KEY not in str(raised.value)


async def test_a_refused_key_is_reported_without_the_key_or_paddles_detail(paddle_server):
    gateway = PaddlePaymentGateway("not_a_paddle_key", api_base=paddle_server.base_url)
    try:
        with pytest.raises(PaymentsUnavailable, match="API key") as raised:
            await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    finally:
        await gateway.close()

    message = str(raised.value)
    assert "not_a_paddle_key" not in message
    assert "incorrectly formatted" not in message
    assert "authentication_malformed" in message
    assert len(paddle_server.requests) == 1


async def test_a_closed_port_makes_payments_unavailable(paddle_server):
    paddle_server.stop()
    gateway = PaddlePaymentGateway(KEY, api_base=paddle_server.base_url, timeout_s=1)
    try:
        with pytest.raises(PaymentsUnavailable, match="could not be reached") as raised:
            await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
        with pytest.raises(PaymentsUnavailable, match="could not be reached"):
            await gateway.open_checkout(a_payment().with_checkout("txn_1", NOW), PACK, EMAIL,
                                        PAGES)
    finally:
        await gateway.close()

    assert raised.value.__cause__ is not None


async def test_a_timeout_makes_payments_unavailable():
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # never answers; returns when the gateway hangs up
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0, family=socket.AF_INET)
    port = server.sockets[0].getsockname()[1]
    gateway = PaddlePaymentGateway(KEY, api_base=f"http://127.0.0.1:{port}", timeout_s=0.2)
    try:
        with pytest.raises(PaymentsUnavailable, match="in time"):
            await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    finally:
        await gateway.close()
        server.close()


async def test_a_transaction_without_a_checkout_url_is_payments_unavailable(paddle_server,
                                                                           gateway):
    first = await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    paddle_server.transactions[first.id]["checkout"] = None

    with pytest.raises(PaymentsUnavailable, match="without a checkout page"):
        await gateway.open_checkout(a_payment().with_checkout(first.id, NOW), PACK, EMAIL, PAGES)


@pytest.mark.parametrize("key", [None, "", "  "])
async def test_without_an_api_key_nothing_is_sent(paddle_server, key):
    gateway = PaddlePaymentGateway(key, api_base=paddle_server.base_url)

    with pytest.raises(PaymentsUnavailable, match="not configured"):
        await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)

    assert paddle_server.requests == []
    await gateway.close()


async def test_a_closed_gateway_opens_a_new_client_when_used_again(paddle_server, gateway):
    await gateway.open_checkout(a_payment(), PACK, EMAIL, PAGES)
    await gateway.close()

    await gateway.open_checkout(a_payment(2), PACK, EMAIL, PAGES)

    assert paddle_server.transactions_created == 2
