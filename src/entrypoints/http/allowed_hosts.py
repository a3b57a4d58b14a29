"""The allowed-hosts check, matching a `Host` header with or without its port."""

from __future__ import annotations

import msgspec
from litestar.config.allowed_hosts import AllowedHostsConfig
from litestar.middleware.allowed_hosts import AllowedHostsMiddleware
from litestar.middleware.base import DefineMiddleware
from litestar.response.base import ASGIResponse
from litestar.types import ASGIApp, Receive, Scope, Send

_REFUSED = msgspec.json.encode({
    "type": "about:blank", "title": "Bad Request", "status": 400,
    "detail": "The Host header names a host this service does not serve."})


def host_name(header: str) -> str:
    """`example.com:8000` → `example.com`, `[::1]:8000` → `::1`."""
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _host_header(scope: Scope) -> str:
    """The first Host header, as `MutableScopeHeaders(scope).get("host")` reads it, without
    building the wrapper (this runs on every request); ASGI gives header names lower-case."""
    for name, value in scope["headers"]:
        if name == b"host":
            return value.decode("latin-1")
    return ""


class PortTolerantAllowedHosts(AllowedHostsMiddleware):
    """Litestar's allowed-hosts middleware, matching the host name without the port.

    Workaround for litestar-org/litestar#4869: since Litestar 2.22 the whole header, port
    included, is matched, so `127.0.0.1:8000` never equals an allowed `127.0.0.1`. Remove
    this class once that issue is fixed upstream. A refused host answers a problem (RFC 9457)
    instead of Litestar's bare JSON message.
    """

    def __init__(self, app: ASGIApp, config: AllowedHostsConfig) -> None:
        super().__init__(app, config)
        self._hosts = config.allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.allowed_hosts_regex is None:
            await self.app(scope, receive, send)
            return
        name = host_name(_host_header(scope))
        if name and (self.allowed_hosts_regex.fullmatch(name) or f"[{name}]" in self._hosts):
            await self.app(scope, receive, send)
            return
        refusal = ASGIResponse(body=_REFUSED, status_code=400,
                               media_type="application/problem+json")
        await refusal(scope, receive, send)


# Probes and scrapers reach each replica by its address (Traefik's health check, Prometheus'
# per-replica scrape), not by the service's name; these answers hold nothing a forged Host
# could turn into a link, and /metrics has its own guard.
BY_ADDRESS = ["^/health$", "^/ready$", "^/metrics$"]


def allowed_hosts(hosts: list[str]) -> DefineMiddleware:
    return DefineMiddleware(PortTolerantAllowedHosts,
                            config=AllowedHostsConfig(allowed_hosts=hosts, www_redirect=False,
                                                      exclude=BY_ADDRESS))
