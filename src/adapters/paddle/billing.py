"""Paddle Billing (API v1): customers, a plan's checkout, cancellation and the customer portal,
on the same HTTP client as one-off checkout (see `checkout`).

Paddle has no idempotency keys, so every call is sent once (a failure is PaymentsUnavailable
at once) and repeats are made harmless otherwise:
- a customer is one per e-mail at Paddle: creating it again answers 409
  `customer_already_exists`, and the gateway then returns the one found by that e-mail;
- a plan's checkout is a transaction of the plan's catalog price for the customer, carrying
  the plan and the caller's `attempt` in its `custom_data`; asking again opens another page,
  but only a page that is paid becomes a subscription;
- the portal ignores `return_url`: Paddle's customer portal has no way back to the caller.

Error messages name the HTTP status and Paddle's error code, never Paddle's detail text, the
customer's e-mail nor the API key.
"""

from __future__ import annotations

from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import msgspec

from adapters.paddle.checkout import PaddlePaymentGateway, error_code, unreachable
from domain.ids import UserId
from domain.payments import PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.subscriptions import Plan

CUSTOMER_EXISTS = "customer_already_exists"
T = TypeVar("T")


class _Entity(msgspec.Struct, frozen=True):
    id: str


class _Created(msgspec.Struct, frozen=True):
    data: _Entity


class _Found(msgspec.Struct, frozen=True):
    data: list[_Entity]


class _Checkout(msgspec.Struct, frozen=True):
    url: str | None = None


class _Transaction(msgspec.Struct, frozen=True):
    id: str
    checkout: _Checkout | None = None


class _Opened(msgspec.Struct, frozen=True):
    data: _Transaction


class _General(msgspec.Struct, frozen=True):
    overview: str


class _Urls(msgspec.Struct, frozen=True):
    general: _General


class _PortalSession(msgspec.Struct, frozen=True):
    urls: _Urls


class _Portal(msgspec.Struct, frozen=True):
    data: _PortalSession


class PaddleBilling(PaddlePaymentGateway, SubscriptionGateway):
    @property
    def provider(self) -> str:
        return "paddle"

    async def create_customer(self, user_id: UserId, email: str) -> str:
        body = {"email": email, "custom_data": {"user_id": str(user_id)}}
        response = await self._send("POST", "/customers", "create the customer", json=body)
        if response.status_code == 409 and error_code(response.content) == CUSTOMER_EXISTS:
            found = await self._send("GET", "/customers", "find the customer",
                                     params={"email": email})
            customers = _decode(_ok(found, "find the customer"), _Found, "customers").data
            if not customers:
                raise PaymentsUnavailable("Paddle has a customer of that e-mail but did not "
                                          "return it.")
            return customers[0].id
        return _decode(_ok(response, "create the customer"), _Created, "a customer").data.id

    async def open_subscription(self, customer_ref: str, plan: Plan, attempt: str,
                                pages: CheckoutPages) -> CheckoutSession:
        price = plan.price_id("paddle")
        if price is None:
            raise PaymentsUnavailable(f"The plan {plan.id!r} has no Paddle price.")
        body = {"items": [{"price_id": price, "quantity": 1}], "customer_id": customer_ref,
                "custom_data": {"plan_id": plan.id, "attempt": attempt},
                "checkout": {"url": pages.success_url}}
        response = await self._send("POST", "/transactions", "open the checkout", json=body)
        transaction = _decode(_ok(response, "open the checkout"), _Opened, "a transaction").data
        url = transaction.checkout.url if transaction.checkout else None
        if not transaction.id or not url:
            raise PaymentsUnavailable("Paddle opened a transaction without a checkout page.")
        return CheckoutSession(id=transaction.id, url=url)

    async def set_cancel_at_period_end(self, subscription_ref: str, cancel: bool) -> None:
        path = f"/subscriptions/{quote(subscription_ref, safe='')}"
        action = "change the subscription"
        if cancel:
            response = await self._send("POST", f"{path}/cancel", action,
                                        json={"effective_from": "next_billing_period"})
        else:
            response = await self._send("PATCH", path, action, json={"scheduled_change": None})
        _ok(response, action)

    async def portal(self, customer_ref: str, return_url: str) -> str:
        path = f"/customers/{quote(customer_ref, safe='')}/portal-sessions"
        action = "open the billing portal"
        response = await self._send("POST", path, action, json={})
        session = _decode(_ok(response, action), _Portal, "a portal session").data
        return session.urls.general.overview

    async def _send(self, method: str, path: str, action: str, *,
                    json: dict[str, Any] | None = None,
                    params: dict[str, str] | None = None) -> httpx.Response:
        """Once: without idempotency keys a retried write could be made twice."""
        try:
            return await self._http().request(method, path, json=json, params=params)
        except httpx.HTTPError as error:
            raise PaymentsUnavailable(unreachable(error)) from error


def _ok(response: httpx.Response, action: str) -> bytes:
    if response.is_success:
        return response.content
    status = response.status_code
    code = error_code(response.content)
    suffix = f", {code}" if code else ""
    if status in (401, 403):
        raise PaymentsUnavailable(f"Paddle refused this server's API key (HTTP {status}{suffix}).")
    if status == 429:
        raise PaymentsUnavailable("Paddle is limiting this server's requests; try again shortly.")
    if status < 500:
        raise PaymentsUnavailable(f"Paddle refused to {action} (HTTP {status}{suffix}).")
    raise PaymentsUnavailable(f"Paddle failed to {action} (HTTP {status}{suffix}); try again "
                              "later.")


def _decode(content: bytes, type: type[T], what: str) -> T:
    try:
        return msgspec.json.decode(content, type=type)
    except msgspec.DecodeError as error:
        raise PaymentsUnavailable(f"Paddle answered with something that is not {what}.",
                                  ) from error
