"""Paddle Billing (API v1) checkout for one-off credit packs, over httpx.

A payment's page is a Paddle transaction with one non-catalog item (the pack, priced in the
payment's currency) whose `custom_data.payment_id` carries our id into every notification
about it. Paddle's API has no idempotency keys, so the gateway keys on the payment instead:
a payment whose `checkout_session_id` is set already has its transaction, and asking again
reads that transaction (`GET /transactions/{id}`) instead of creating a second one. For the
same reason only GETs are retried (up to 2 more attempts, short jittered waits, on connection
errors and 5xx); a failed POST is PaymentsUnavailable at once, since Paddle may have created
the transaction before the answer was lost. The buyer's e-mail is not sent: Paddle attaches
customers by id, and its checkout asks the buyer for the address.

Error messages name the HTTP status and Paddle's error code, never Paddle's detail text nor
the API key.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import httpx
import msgspec
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_random_exponential

from domain.payments import CreditPack, Payment, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession, PaymentGateway

NOT_CONFIGURED = "Payments are not configured on this server."
GET_ATTEMPTS = 3  # the first and two retries
CONNECTION_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout)
_ERROR_CODE = re.compile(r"^[a-z0-9_]{1,64}$")


class _Checkout(msgspec.Struct, frozen=True):
    url: str | None = None


class _Transaction(msgspec.Struct, frozen=True):
    id: str
    checkout: _Checkout | None = None


class _Answer(msgspec.Struct, frozen=True):
    data: _Transaction


class _ErrorBody(msgspec.Struct, frozen=True):
    code: str | None = None


class _ErrorAnswer(msgspec.Struct, frozen=True):
    error: _ErrorBody | None = None


class _Transient(Exception):
    """A GET answer worth asking again for; carries the message to give up with."""


class PaddlePaymentGateway(PaymentGateway):
    """The HTTP client is built on first use; `close()` releases it (a later call builds a
    new one), so the container closes it when the app stops."""

    def __init__(self, api_key: str | None, api_base: str = "https://api.paddle.com",
                 timeout_s: float = 20.0) -> None:
        self._api_key = api_key.strip() if api_key and api_key.strip() else None
        self._api_base = api_base.rstrip("/")
        self._timeout_s = timeout_s
        self._client: httpx.AsyncClient | None = None

    async def open_checkout(self, payment: Payment, pack: CreditPack, email: str,
                            pages: CheckoutPages) -> CheckoutSession:
        client = self._http()
        if payment.checkout_session_id:
            path = f"/transactions/{quote(payment.checkout_session_id, safe='')}"
            return _session(await _get(client, path))
        return _session(await _post(client, "/transactions",
                                    _transaction_body(payment, pack, pages)))

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    def _http(self) -> httpx.AsyncClient:
        if self._api_key is None:
            raise PaymentsUnavailable(NOT_CONFIGURED)
        if self._client is None:
            self._client = httpx.AsyncClient(
                base_url=self._api_base, timeout=self._timeout_s,
                headers={"Authorization": f"Bearer {self._api_key}",
                         "Accept": "application/json"})
        return self._client


async def _post(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> bytes:
    """Once: Paddle has no idempotency keys, so a retried POST could open a second page."""
    try:
        response = await client.post(path, json=body)
    except httpx.HTTPError as error:
        raise PaymentsUnavailable(unreachable(error)) from error
    return _content(response)


async def _get(client: httpx.AsyncClient, path: str) -> bytes:
    retrying = AsyncRetrying(stop=stop_after_attempt(GET_ATTEMPTS), reraise=True,
                             wait=wait_random_exponential(multiplier=0.1, max=0.5),
                             retry=retry_if_exception_type(_Transient))
    try:
        async for attempt in retrying:
            with attempt:
                return await _get_once(client, path)
    except _Transient as error:
        raise PaymentsUnavailable(str(error)) from error.__cause__ or error
    raise AssertionError("tenacity ended without a result")  # pragma: no cover


async def _get_once(client: httpx.AsyncClient, path: str) -> bytes:
    try:
        response = await client.get(path)
    except CONNECTION_ERRORS as error:
        raise _Transient(unreachable(error)) from error
    except httpx.HTTPError as error:
        raise PaymentsUnavailable(unreachable(error)) from error
    if response.status_code >= 500:
        raise _Transient(_refused(response))
    return _content(response)


def _transaction_body(payment: Payment, pack: CreditPack, pages: CheckoutPages) -> dict[str, Any]:
    return {
        "items": [{
            "quantity": 1,
            "price": {
                "description": f"{pack.credits:,} credits",
                "name": pack.name,
                "unit_price": {"amount": str(payment.price.amount),
                               "currency_code": payment.price.currency.upper()},
                "product": {"name": pack.name, "tax_category": "standard"},
            },
        }],
        "custom_data": {"payment_id": str(payment.id)},
        "checkout": {"url": pages.success_url},
    }


def _content(response: httpx.Response) -> bytes:
    if not response.is_success:
        raise PaymentsUnavailable(_refused(response))
    return response.content


def _session(content: bytes) -> CheckoutSession:
    try:
        transaction = msgspec.json.decode(content, type=_Answer).data
    except msgspec.DecodeError as error:
        raise PaymentsUnavailable("Paddle answered the checkout request with something that "
                                  "is not a transaction.") from error
    url = transaction.checkout.url if transaction.checkout else None
    if not transaction.id or not url:
        raise PaymentsUnavailable("Paddle opened a transaction without a checkout page.")
    return CheckoutSession(id=transaction.id, url=url, payment_ref=transaction.id)


def unreachable(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "Paddle did not answer in time; try again later."
    return "Paddle could not be reached; try again later."


def _refused(response: httpx.Response) -> str:
    """What went wrong, without Paddle's detail text: it may quote the key or the buyer."""
    status = response.status_code
    code = error_code(response.content)
    suffix = f", {code}" if code else ""
    if status in (401, 403):
        return f"Paddle refused this server's API key (HTTP {status}{suffix})."
    if status == 429:
        return "Paddle is limiting this server's requests; try again shortly."
    if status < 500:
        return f"Paddle refused the checkout request (HTTP {status}{suffix})."
    return f"Paddle failed to open the checkout (HTTP {status}{suffix}); try again later."


def error_code(content: bytes) -> str | None:
    try:
        error = msgspec.json.decode(content, type=_ErrorAnswer).error
    except msgspec.DecodeError:
        return None
    code = error.code if error else None
    return code if code and _ERROR_CODE.match(code) else None
