"""A local Paddle Billing-compatible API for tests: `POST /transactions`,
`GET /transactions/{id}`, `POST /customers`, `GET /customers?email=`,
`POST /customers/{id}/portal-sessions`, `POST /subscriptions/{id}/cancel` and
`PATCH /subscriptions/{id}`.

    with PaddleTestServer() as paddle_api:          # or server.start() / server.stop()
        gateway = PaddlePaymentGateway("pdl_sdbx_apikey_x", api_base=paddle_api.base_url)
        paddle_api.requests[-1].json["items"][0]["price"]["unit_price"]  # {"amount": "500", ...}

Like Paddle it wants `Authorization: Bearer pdl_...` (401 `authentication_malformed`
otherwise), answers `{"data": <transaction>, "meta": {"request_id": ...}}` and errors as
`{"error": {"type": "request_error", "code": ..., "detail": ...}, "meta": ...}`. A created
transaction is `draft` (no customer yet) with a checkout link `<checkout.url>?_ptxn=<id>`,
its totals as strings of minor units. There are no idempotency keys: every POST creates a
transaction. `fail_next(count, status)` answers the next requests with an `api_error` before
anything else is looked at (an outage in front of the API, stores nothing).

Customers are one per e-mail: creating a second answers 409 `customer_already_exists`, as
Paddle does. A transaction's item is a non-catalog `price` or a catalog `price_id` of
`prices` (id → (amount, currency code)), which tests seed. `subscriptions` (id → Paddle's
subscription entity) is seeded by tests too; cancelling one at the next billing period sets
its `scheduled_change`, and `PATCH` with `scheduled_change: null` removes it.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs
from uuid import uuid4

from tests.threaded_server import HOST, ThreadedAsgiServer, read_request

TRANSACTIONS_PATH = "/transactions"
CUSTOMERS_PATH = "/customers"
PORTAL_URL = "https://customer-portal.paddle.com/cpl_01tesigo"
CREATED_AT = "2026-01-01T10:00:00.000000Z"


@dataclass(frozen=True)
class PaddleRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    json: Any  # None for a request without a body
    query: dict[str, list[str]]


class PaddleTestServer(ThreadedAsgiServer):
    def __init__(self, *, port: int = 0) -> None:
        super().__init__(self._asgi, port=port)
        self._lock = threading.Lock()
        self._requests: list[PaddleRequest] = []
        self._failures: list[int] = []
        self._garbled = 0
        self.transactions: dict[str, dict[str, Any]] = {}
        self.customers: dict[str, dict[str, Any]] = {}  # by id
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.prices: dict[str, tuple[str, str]] = {}

    @property
    def base_url(self) -> str:
        """What `api_base` takes (paths are `/transactions...`, as at api.paddle.com)."""
        return f"http://{HOST}:{self.port}"

    @property
    def requests(self) -> list[PaddleRequest]:
        """Every request received, in order, failed ones included."""
        with self._lock:
            return list(self._requests)

    @property
    def transactions_created(self) -> int:
        with self._lock:
            return len(self.transactions)

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._lock:
            self._failures.extend([status] * count)

    def garble_next(self, count: int) -> None:
        """Answer the next requests 200 with a body that is not JSON (a proxy's page)."""
        with self._lock:
            self._garbled += count

    async def _asgi(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        raw, headers = await read_request(scope, receive)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = ValueError
        with self._lock:
            query = parse_qs(scope.get("query_string", b"").decode())
            request = PaddleRequest(scope["method"], scope["path"], headers,
                                    None if body is ValueError else body, query)
            self._requests.append(request)
            status, answer = self._answer(request, body is ValueError)
            content = json.dumps(answer).encode()
            if self._garbled:
                self._garbled -= 1
                status, content = 200, b"<html>Service Unavailable</html>"
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": content})

    def _answer(self, request: PaddleRequest, unreadable: bool) -> tuple[int, dict[str, Any]]:
        """Called under the lock."""
        if self._failures:
            return self._failures.pop(0), _error("api_error", "internal_error",
                                                 "Injected failure.")
        if not re.fullmatch(r"Bearer pdl_\w+", request.headers.get("authorization", "")):
            return 401, _error("request_error", "authentication_malformed",
                               "Authentication header included, but incorrectly formatted.")
        if request.method != "GET" and (unreadable or not isinstance(request.json, dict)):
            return 400, _error("request_error", "bad_request", "Invalid request body.")
        for method, pattern, answer in self._routes():
            found = re.fullmatch(pattern, request.path)
            if request.method == method and found:
                return answer(request, *found.groups())
        return 404, _error("request_error", "not_found", "Requested resource not found.")

    def _routes(self) -> list[tuple[str, str, Any]]:
        return [
            ("GET", r"/transactions/([^/]+)", self._get_transaction),
            ("POST", TRANSACTIONS_PATH, self._create_transaction),
            ("POST", CUSTOMERS_PATH, self._create_customer),
            ("GET", CUSTOMERS_PATH, self._find_customers),
            ("POST", r"/customers/([^/]+)/portal-sessions", self._portal_session),
            ("POST", r"/subscriptions/([^/]+)/cancel", self._cancel_subscription),
            ("PATCH", r"/subscriptions/([^/]+)", self._update_subscription),
        ]

    def _get_transaction(self, request: PaddleRequest, id: str) -> tuple[int, dict[str, Any]]:
        transaction = self.transactions.get(id)
        if transaction is None:
            return _not_found(id)
        return 200, _data(transaction)

    def _create_transaction(self, request: PaddleRequest) -> tuple[int, dict[str, Any]]:
        if not request.json.get("items"):
            return 400, _error("request_error", "invalid_field",
                               "Invalid request: items is required.")
        items = [self._priced(item) for item in request.json["items"]]
        if None in items:
            return 404, _error("request_error", "entity_not_found", "Price not found")
        body = {**request.json, "items": items}
        transaction = self._transaction(body, len(self.transactions) + 1)
        transaction["customer_id"] = request.json.get("customer_id")
        if transaction["customer_id"]:
            transaction["status"] = "ready"
        self.transactions[transaction["id"]] = transaction
        return 201, _data(transaction)

    def _priced(self, item: dict[str, Any]) -> dict[str, Any] | None:
        """A non-catalog item as it is, a catalog one with its price looked up."""
        if "price" in item:
            return item
        known = self.prices.get(item.get("price_id", ""))
        if known is None:
            return None
        amount, currency = known
        return {"quantity": item.get("quantity", 1),
                "price": {"id": item["price_id"], "name": item["price_id"],
                          "unit_price": {"amount": amount, "currency_code": currency}}}

    def _create_customer(self, request: PaddleRequest) -> tuple[int, dict[str, Any]]:
        email = request.json.get("email")
        if not isinstance(email, str) or "@" not in email:
            return 400, _error("request_error", "invalid_field", "email is invalid.")
        for customer in self.customers.values():
            if customer["email"] == email:
                return 409, _error("request_error", "customer_already_exists",
                                   f"customer email conflicts with customer of id "
                                   f"{customer['id']}")
        customer_id = f"ctm_01tesigo{len(self.customers) + 1:016d}"
        customer = {"id": customer_id, "name": None, "email": email, "locale": "en",
                    "status": "active", "marketing_consent": False,
                    "custom_data": request.json.get("custom_data"),
                    "created_at": CREATED_AT, "updated_at": CREATED_AT, "import_meta": None}
        self.customers[customer_id] = customer
        return 201, _data(customer)

    def _find_customers(self, request: PaddleRequest) -> tuple[int, dict[str, Any]]:
        emails = set(",".join(request.query.get("email", [])).split(","))
        found = [c for c in self.customers.values() if c["email"] in emails]
        return 200, {"data": found, "meta": {"request_id": str(uuid4()), "pagination": {
            "per_page": 50, "next": None, "has_more": False, "estimated_total": len(found)}}}

    def _portal_session(self, request: PaddleRequest, id: str) -> tuple[int, dict[str, Any]]:
        if id not in self.customers:
            return _not_found(id)
        session_id = f"cpls_01tesigo{uuid4().hex[:16]}"
        return 201, _data({
            "id": session_id, "customer_id": id, "created_at": CREATED_AT,
            "urls": {"general": {"overview": f"{PORTAL_URL}?action=overview&token={session_id}"},
                     "subscriptions": []}})

    def _cancel_subscription(self, request: PaddleRequest,
                             id: str) -> tuple[int, dict[str, Any]]:
        subscription = self.subscriptions.get(id)
        if subscription is None:
            return _not_found(id)
        if request.json.get("effective_from", "next_billing_period") == "immediately":
            subscription.update(status="canceled", canceled_at=CREATED_AT,
                                scheduled_change=None, current_billing_period=None)
        else:
            ends = (subscription.get("current_billing_period") or {}).get("ends_at")
            subscription["scheduled_change"] = {"action": "cancel", "effective_at": ends,
                                                "resume_at": None}
        return 200, _data(subscription)

    def _update_subscription(self, request: PaddleRequest,
                             id: str) -> tuple[int, dict[str, Any]]:
        subscription = self.subscriptions.get(id)
        if subscription is None:
            return _not_found(id)
        if "scheduled_change" in request.json:
            subscription["scheduled_change"] = request.json["scheduled_change"]
        return 200, _data(subscription)

    def _transaction(self, body: dict[str, Any], number: int) -> dict[str, Any]:
        transaction_id = f"txn_01tesigo{number:016d}"
        items = body["items"]
        currency = items[0]["price"]["unit_price"]["currency_code"]
        total = str(sum(int(i["price"]["unit_price"]["amount"]) * int(i.get("quantity", 1))
                        for i in items))
        base = (body.get("checkout") or {}).get("url") or f"{self.base_url}/pay"
        link = f"{base}{'&' if '?' in base else '?'}_ptxn={transaction_id}"
        return {
            "id": transaction_id, "status": "draft", "customer_id": None, "address_id": None,
            "business_id": None, "custom_data": body.get("custom_data"), "origin": "api",
            "collection_mode": "automatic", "subscription_id": None, "invoice_id": None,
            "invoice_number": None, "billing_details": None, "billing_period": None,
            "currency_code": currency, "discount_id": None,
            "created_at": CREATED_AT, "updated_at": CREATED_AT, "billed_at": None,
            "items": [{"price": {**i["price"], "id": i["price"].get("id")},
                       "quantity": i.get("quantity", 1)}
                      for i in items],
            "details": {"totals": {"subtotal": total, "tax": "0", "discount": "0",
                                   "total": total, "grand_total": total, "fee": None,
                                   "earnings": None, "currency_code": currency}},
            "payments": [], "checkout": {"url": link},
        }


def _data(transaction: dict[str, Any]) -> dict[str, Any]:
    return {"data": transaction, "meta": {"request_id": str(uuid4())}}


def _not_found(id: str) -> tuple[int, dict[str, Any]]:
    return 404, _error("request_error", "entity_not_found", f"Entity {id} not found")


def _error(type: str, code: str, detail: str) -> dict[str, Any]:
    return {"error": {"type": type, "code": code, "detail": detail,
                      "documentation_url": f"https://developer.paddle.com/errors/shared/{code}"},
            "meta": {"request_id": str(uuid4())}}
