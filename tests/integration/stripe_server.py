"""A local Stripe-compatible API for tests: `POST /v1/checkout/sessions` only.

    with StripeTestServer() as stripe_api:          # or server.start() / server.stop()
        gateway = StripePaymentGateway("sk_test_x", api_base=stripe_api.base_url)
        stripe_api.requests[-1].params["line_items"][0]["price_data"]["unit_amount"]  # "500"

Like Stripe it wants `Authorization: Bearer sk_...` (401 otherwise), reads the form body in
Stripe's bracket notation into nested dicts and lists (values stay strings), and honours
`Idempotency-Key`: a key seen before answers the stored session again (header
`Idempotent-Replayed: true`, no new session), the same key with other parameters is a 400
`idempotency_error`. `fail_next(count, status)` answers the next requests with a Stripe
error body before they reach the idempotency layer (an outage in front of the API, stores
nothing). Unless `should_retry` is given it sends no `Stripe-Should-Retry` header, so the
library applies its own rule: connection errors, 409 and 5xx are retried, other statuses not.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from tests.threaded_server import HOST, ThreadedAsgiServer, read_request

SESSIONS_PATH = "/v1/checkout/sessions"


@dataclass(frozen=True)
class StripeRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    params: dict[str, Any]


class StripeTestServer(ThreadedAsgiServer):
    def __init__(self, *, port: int = 0) -> None:
        super().__init__(self._asgi, port=port)
        self._lock = threading.Lock()
        self._requests: list[StripeRequest] = []
        self._by_key: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._failures: list[tuple[int, bool | None]] = []
        self.sessions_created = 0

    @property
    def base_url(self) -> str:
        """What STRIPE_API_BASE / `api_base` take (the library appends `/v1/...`)."""
        return f"http://{HOST}:{self.port}"

    @property
    def requests(self) -> list[StripeRequest]:
        """Every request received, in order, failed ones included."""
        with self._lock:
            return list(self._requests)

    def fail_next(self, count: int, status: int = 500, *,
                  should_retry: bool | None = None) -> None:
        with self._lock:
            self._failures.extend([(status, should_retry)] * count)

    async def _asgi(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        raw, headers = await read_request(scope, receive)
        request = StripeRequest(scope["method"], scope["path"], headers, decode_form(raw))
        with self._lock:
            self._requests.append(request)
            status, body, extra = self._answer(request)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                *((k.encode(), v.encode()) for k, v in extra.items())]})
        await send({"type": "http.response.body", "body": json.dumps(body).encode()})

    def _answer(self, request: StripeRequest) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Called under the lock."""
        if self._failures:
            status, retry = self._failures.pop(0)
            extra = {} if retry is None else {"stripe-should-retry": str(retry).lower()}
            return status, _error("api_error", "Injected failure."), extra
        if (request.method, request.path) != ("POST", SESSIONS_PATH):
            return 404, _error("invalid_request_error", "Unrecognized request URL."), {}
        if not re.fullmatch(r"Bearer sk_\w+", request.headers.get("authorization", "")):
            return 401, _error("invalid_request_error", "Invalid API Key provided."), {}
        key = request.headers.get("idempotency-key")
        if key is not None and key in self._by_key:
            params, session = self._by_key[key]
            if params != request.params:
                return 400, _error("idempotency_error", "Keys for idempotent requests "
                                   "can only be used with the same parameters."), {}
            return 200, session, {"idempotent-replayed": "true"}
        missing = [p for p in ("mode", "line_items", "success_url") if p not in request.params]
        if missing:
            return 400, _error("invalid_request_error", f"Missing required param: "
                               f"{missing[0]}.", param=missing[0]), {}
        self.sessions_created += 1
        session = self._session(request.params, self.sessions_created)
        if key is not None:
            self._by_key[key] = (request.params, session)
        return 200, session, {}

    def _session(self, params: dict[str, Any], number: int) -> dict[str, Any]:
        items = params["line_items"]
        priced = [i for i in items if "price_data" in i]  # a subscription names its price
        total = sum(int(i["price_data"]["unit_amount"]) * int(i.get("quantity", 1))
                    for i in priced)
        session_id = f"cs_test_{number}"
        return {
            "id": session_id, "object": "checkout.session",
            "url": f"{self.base_url}/pay/{session_id}", "mode": params["mode"],
            "status": "open", "payment_status": "unpaid",
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}), "amount_total": total,
            "currency": priced[0]["price_data"]["currency"] if priced else None,
            "customer": params.get("customer"), "line_items": items,
            "customer_email": params.get("customer_email"),
            "success_url": params["success_url"], "cancel_url": params.get("cancel_url"),
            "payment_intent": None, "livemode": False, "created": 1_740_830_400,
        }


def decode_form(body: bytes) -> dict[str, Any]:
    """`a[b][0][c]=1` → `{"a": {"b": [{"c": "1"}]}}`: objects whose keys are all indices are
    lists."""
    root: dict[str, Any] = {}
    for key, value in parse_qsl(body.decode(), keep_blank_values=True):
        *path, last = re.findall(r"[^\[\]]+", key)
        node = root
        for part in path:
            node = node.setdefault(part, {})
        node[last] = value
    return _listify(root)


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    items = {key: _listify(value) for key, value in node.items()}
    if items and all(key.isdigit() for key in items):
        return [items[key] for key in sorted(items, key=int)]
    return items


def _error(type: str, message: str, *, param: str | None = None) -> dict[str, Any]:
    error = {"type": type, "message": message}
    return {"error": error if param is None else {**error, "param": param}}
