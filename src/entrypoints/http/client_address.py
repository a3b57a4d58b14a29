"""The client's address when TesiGo runs behind reverse proxies it trusts."""

from __future__ import annotations

import re

from litestar.types import ASGIApp, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

_FOR = re.compile(r'(?:^|;)\s*for="?(\[[^\]]*\]|[^";,]*)', re.IGNORECASE)
_PROTO = re.compile(r'(?:^|;)\s*proto="?([a-z]+)', re.IGNORECASE)


def _forwarded_as_x_forwarded(value: str) -> list[tuple[bytes, bytes]]:
    """RFC 7239 `Forwarded: for=1.2.3.4;proto=https, for="[::1]:80"` as the
    `X-Forwarded-For` / `X-Forwarded-Proto` pair uvicorn's middleware reads."""
    hops = [match.group(1).strip('"') for element in value.split(",")
            if (match := _FOR.search(element.strip()))]
    protos = [match.group(1).lower() for element in value.split(",")
              if (match := _PROTO.search(element.strip()))]
    headers = [(b"x-forwarded-for", ", ".join(hops).encode("latin-1"))] if hops else []
    if protos:
        headers.append((b"x-forwarded-proto", protos[-1].encode("latin-1")))
    return headers


def trusted_proxies(proxies: list[str]):  # type: ignore[no-untyped-def]
    """Middleware factory: from a peer in `proxies` (addresses or CIDRs), the client address
    is the right-most untrusted hop of `X-Forwarded-For` (or of RFC 7239 `Forwarded`, which
    uvicorn's ProxyHeadersMiddleware does not read, so it is translated for it here); from
    any other peer those headers change nothing."""

    def middleware(app: ASGIApp) -> ASGIApp:
        proxied = ProxyHeadersMiddleware(app, trusted_hosts=proxies)  # type: ignore[arg-type]

        async def handle(scope: Scope, receive: Receive, send: Send) -> None:
            headers = scope["headers"]
            names = {name for name, _ in headers}
            if b"forwarded" in names and b"x-forwarded-for" not in names:
                value = b", ".join(v for n, v in headers if n == b"forwarded").decode("latin-1")
                scope["headers"] = [*headers, *_forwarded_as_x_forwarded(value)]
            await proxied(scope, receive, send)  # type: ignore[arg-type]

        return handle

    return middleware
