"""ASGI middleware: request ids, access logs and security headers."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from litestar.types import ASGIApp, Message, Receive, Scope, Send

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
HSTS = "max-age=31536000; includeSubDomains"
# The docs page (Swagger UI, see api_docs.py) loads only the app's own files: no CDN, no
# inline script or style. Its stylesheet draws icons as data: SVGs.
DOCS_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
_RAW_SECURITY = [(name.lower().encode("latin-1"), value.encode("latin-1"))
                 for name, value in SECURITY_HEADERS.items()]
_REQUEST_ID, _CSP, _HSTS = b"x-request-id", b"content-security-policy", b"strict-transport-security"
access_log = structlog.get_logger("tesigo.access")


def request_context(hsts: bool):  # type: ignore[no-untyped-def]
    """Middleware factory: one id per request (taken from `X-Request-ID` when it looks
    sane), bound to every log line of the request, echoed in the answer, plus security
    headers on every answer. The access log has the path but never the query string,
    which may carry a token."""

    def middleware(app: ASGIApp) -> ASGIApp:
        async def handle(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] not in ("http", "websocket"):
                await app(scope, receive, send)
                return
            given = ""
            for name, value in scope["headers"]:
                if name == _REQUEST_ID:  # the last one wins, as with a dict of the headers
                    given = value.decode("latin-1")
            request_id = given if _VALID_REQUEST_ID.match(given) else uuid.uuid4().hex
            started, status = time.perf_counter(), 0
            path = scope["path"]
            replaced = {_REQUEST_ID}
            added = [(_REQUEST_ID, request_id.encode("latin-1"))]
            if path.startswith("/schema") and not path.endswith(".json"):
                replaced.add(_CSP)
                added.append((_CSP, DOCS_CSP.encode("latin-1")))
            if hsts:
                replaced.add(_HSTS)
                added.append((_HSTS, HSTS.encode("latin-1")))

            async def send_with_headers(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                    # set: X-Request-ID (and the docs' CSP, HSTS); the rest only when absent
                    headers = [(name, value) for name, value in message.get("headers", ())
                               if name.lower() not in replaced]
                    present = {name.lower() for name, _ in headers} | replaced
                    headers += added
                    headers += [pair for pair in _RAW_SECURITY if pair[0] not in present]
                    message["headers"] = headers
                await send(message)

            with structlog.contextvars.bound_contextvars(request_id=request_id):
                try:
                    await app(scope, receive, send_with_headers)
                finally:
                    access_log.info("request", method=scope.get("method", "WS"), path=path,
                                    status=status,
                                    ms=round((time.perf_counter() - started) * 1000, 1))

        return handle

    return middleware
