"""A local Paddle Billing-compatible API for tests: `POST /transactions` and
`GET /transactions/{id}` only.

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
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

from tests.threaded_server import HOST, ThreadedAsgiServer, read_request

TRANSACTIONS_PATH = "/transactions"
CREATED_AT = "2026-01-01T10:00:00.000000Z"


@dataclass(frozen=True)
class PaddleRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    json: Any  # None for a request without a body


class PaddleTestServer(ThreadedAsgiServer):
    def __init__(self, *, port: int = 0) -> None:
        super().__init__(self._asgi, port=port)
        self._lock = threading.Lock()
        self._requests: list[PaddleRequest] = []
        self._failures: list[int] = []
        self.transactions: dict[str, dict[str, Any]] = {}

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

    async def _asgi(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        raw, headers = await read_request(scope, receive)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = ValueError
        with self._lock:
            request = PaddleRequest(scope["method"], scope["path"], headers,
                                    None if body is ValueError else body)
            self._requests.append(request)
            status, answer = self._answer(request, body is ValueError)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": json.dumps(answer).encode()})

    def _answer(self, request: PaddleRequest, unreadable: bool) -> tuple[int, dict[str, Any]]:
        """Called under the lock."""
        if self._failures:
            return self._failures.pop(0), _error("api_error", "internal_error",
                                                 "Injected failure.")
        if not re.fullmatch(r"Bearer pdl_\w+", request.headers.get("authorization", "")):
            return 401, _error("request_error", "authentication_malformed",
                               "Authentication header included, but incorrectly formatted.")
        found = re.fullmatch(r"/transactions/([^/]+)", request.path)
        if request.method == "GET" and found:
            transaction = self.transactions.get(found.group(1))
            if transaction is None:
                return 404, _error("request_error", "entity_not_found",
                                   f"Entity {found.group(1)} not found")
            return 200, _data(transaction)
        if (request.method, request.path) != ("POST", TRANSACTIONS_PATH):
            return 404, _error("request_error", "not_found", "Requested resource not found.")
        if unreadable or not isinstance(request.json, dict) or not request.json.get("items"):
            return 400, _error("request_error", "invalid_field",
                               "Invalid request: items is required.")
        transaction = self._transaction(request.json, len(self.transactions) + 1)
        self.transactions[transaction["id"]] = transaction
        return 201, _data(transaction)

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
            "items": [{"price": {**i["price"], "id": None}, "quantity": i.get("quantity", 1)}
                      for i in items],
            "details": {"totals": {"subtotal": total, "tax": "0", "discount": "0",
                                   "total": total, "grand_total": total, "fee": None,
                                   "earnings": None, "currency_code": currency}},
            "payments": [], "checkout": {"url": link},
        }


def _data(transaction: dict[str, Any]) -> dict[str, Any]:
    return {"data": transaction, "meta": {"request_id": str(uuid4())}}


def _error(type: str, code: str, detail: str) -> dict[str, Any]:
    return {"error": {"type": type, "code": code, "detail": detail,
                      "documentation_url": f"https://developer.paddle.com/errors/shared/{code}"},
            "meta": {"request_id": str(uuid4())}}
