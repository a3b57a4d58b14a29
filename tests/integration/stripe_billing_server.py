"""The local Stripe stand-in with Stripe Billing's part: customers (`POST /v1/customers`,
idempotent by key), `POST /v1/subscriptions/{id}` (cancel at period end or not), portal
sessions (`POST /v1/billing_portal/sessions`), and a clock of its own that makes a
subscription's life happen and hands back the webhook events Stripe would send (basil
shapes), for the test to deliver:

    with StripeBillingTestServer() as stripe_api:
        events = stripe_api.complete(session_id)      # subscribed: created + invoice.paid
        events = stripe_api.renew("sub_test_1")       # the next period, paid
        events = stripe_api.end("sub_test_1")         # at the period's end, if cancelling
"""

from __future__ import annotations

import re
from typing import Any

from tests.integration.stripe_server import StripeRequest, StripeTestServer, _error
from tests.stripe_billing_events import Line, invoice_event, subscription_event

MONTH = 30 * 86_400
START = 1_767_225_600  # 2026-01-01


class StripeBillingTestServer(StripeTestServer):
    def __init__(self, *, prices: dict[str, int], port: int = 0) -> None:
        """`prices`: each price id's monthly amount in cents (eur)."""
        super().__init__(port=port)
        self.prices = prices
        self.customers: dict[str, dict[str, Any]] = {}
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self._customer_keys: dict[str, str] = {}
        self._events = 0

    def _answer(self, request: StripeRequest) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Called under the lock."""
        if not re.fullmatch(r"Bearer sk_\w+", request.headers.get("authorization", "")):
            return 401, _error("invalid_request_error", "Invalid API Key provided."), {}
        route = (request.method, request.path)
        if route == ("POST", "/v1/customers"):
            return self._customer(request)
        if route == ("POST", "/v1/billing_portal/sessions"):
            customer = request.params.get("customer", "")
            if customer not in self.customers:
                return 400, _error("invalid_request_error", "No such customer."), {}
            return 200, {"id": f"bps_{customer}", "object": "billing_portal.session",
                         "url": f"{self.base_url}/portal/{customer}",
                         "return_url": request.params.get("return_url")}, {}
        found = re.fullmatch(r"/v1/subscriptions/(\w+)", request.path)
        if request.method == "POST" and found:
            subscription = self.subscriptions.get(found.group(1))
            if subscription is None:
                return 404, _error("invalid_request_error", "No such subscription."), {}
            if "cancel_at_period_end" in request.params:
                subscription["cancel_at_period_end"] = (
                    request.params["cancel_at_period_end"] == "true")
            return 200, dict(subscription), {}
        return super()._answer(request)

    def _customer(self, request: StripeRequest) -> tuple[int, dict[str, Any], dict[str, str]]:
        key = request.headers.get("idempotency-key")
        if key is not None and key in self._customer_keys:
            customer = self.customers[self._customer_keys[key]]
            return 200, customer, {"idempotent-replayed": "true"}
        customer_id = f"cus_test_{len(self.customers) + 1}"
        customer = {"id": customer_id, "object": "customer",
                    "email": request.params.get("email"),
                    "metadata": request.params.get("metadata", {})}
        self.customers[customer_id] = customer
        if key is not None:
            self._customer_keys[key] = customer_id
        return 200, customer, {}

    # What happens at Stripe, and the events it sends about it.

    def complete(self, session_id: str) -> list[bytes]:
        """The buyer paid on the page of subscription-mode session `session_id`."""
        with self._lock:
            session = next(r.params for r in self._requests
                           if r.path == "/v1/checkout/sessions"
                           and r.params.get("mode") == "subscription"
                           and _session_id(self, r) == session_id)
            ref = f"sub_test_{len(self.subscriptions) + 1}"
            price = session["line_items"][0]["price"]
            self.subscriptions[ref] = {
                "id": ref, "object": "subscription", "customer": session["customer"],
                "status": "active", "price": price, "period": 1,
                "cancel_at_period_end": False}
            return [self._state(ref, "customer.subscription.created"), self._invoice(ref)]

    def renew(self, ref: str) -> list[bytes]:
        """The period ends and the next one is paid."""
        with self._lock:
            self.subscriptions[ref]["period"] += 1
            return [self._invoice(ref), self._state(ref, "customer.subscription.updated")]

    def updated(self, ref: str) -> bytes:
        """The event about a change made through the API."""
        with self._lock:
            return self._state(ref, "customer.subscription.updated")

    def end(self, ref: str) -> list[bytes]:
        """The period ends on a subscription set to cancel: it is deleted."""
        with self._lock:
            subscription = self.subscriptions[ref]
            assert subscription["cancel_at_period_end"], "only a cancelling one ends"
            subscription["status"] = "canceled"
            return [self._state(ref, "customer.subscription.deleted")]

    def _state(self, ref: str, type: str) -> bytes:
        sub = self.subscriptions[ref]
        start, end = _period(sub["period"])
        ended = end if sub["status"] == "canceled" else None
        return subscription_event(
            self._event_id(), type, subscription=ref, customer=sub["customer"],
            status=sub["status"], price=sub["price"], start=start, end=end,
            created=ended or start + 1, cancel_at_period_end=sub["cancel_at_period_end"],
            ended_at=ended)

    def _invoice(self, ref: str) -> bytes:
        sub = self.subscriptions[ref]
        start, end = _period(sub["period"])
        return invoice_event(self._event_id(), "invoice.paid",
                             invoice=f"in_{ref}_{sub['period']}", subscription=ref,
                             customer=sub["customer"], created=start,
                             lines=[Line(sub["price"], self.prices[sub["price"]], start, end)])

    def _event_id(self) -> str:
        self._events += 1
        return f"evt_billing_{self._events}"


def _period(n: int) -> tuple[int, int]:
    return START + (n - 1) * MONTH, START + n * MONTH


def _session_id(server: StripeTestServer, request: StripeRequest) -> str:
    key = request.headers.get("idempotency-key")
    stored = server._by_key.get(key or "")
    return "" if stored is None else str(stored[1]["id"])
