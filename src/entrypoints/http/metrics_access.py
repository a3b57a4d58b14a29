"""Who may read `/metrics`: the addresses of METRICS_ALLOWED, or whoever presents
METRICS_TOKEN. Anyone else is told there is nothing there (404), as for any unknown path."""

from __future__ import annotations

import hmac
import ipaddress
from functools import lru_cache
from typing import Any

from dishka import AsyncContainer
from litestar.connection import ASGIConnection
from litestar.exceptions import NotFoundException
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Scope

from entrypoints.config import Settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# A request that carries these was relayed by a proxy. Its peer is the proxy, so the peer
# says nothing about who asked, and trusted-proxy middleware may already have replaced
# the peer in the scope with the client the header names.
_RELAYED = frozenset({b"x-forwarded-for", b"forwarded", b"x-real-ip"})


async def metrics_access(connection: ASGIConnection[Any, Any, Any, Any],
                         _: BaseRouteHandler) -> None:
    """The guard of `/metrics`, reading METRICS_ALLOWED and METRICS_TOKEN from the app's
    settings; NotFound (404) for anyone else."""
    container: AsyncContainer = connection.app.state.dishka_container
    settings = await container.get(Settings)
    if not may_read_metrics(connection.scope, settings.metrics_allowed, settings.metrics_token):
        raise NotFoundException()


def may_read_metrics(scope: Scope, allowed: list[str], token: str | None) -> bool:
    """True when the request carries `Authorization: Bearer <token>` (compared in constant
    time), or when the peer of its connection (never a forwarding header) is in `allowed`
    (addresses or CIDRs) and no proxy relayed it."""
    if token and hmac.compare_digest(_authorization(scope), f"Bearer {token}".encode()):
        return True
    return not _relayed(scope) and _peer_in(scope, _networks(tuple(allowed)))


@lru_cache(maxsize=8)
def _networks(allowed: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in allowed)


def _authorization(scope: Scope) -> bytes:
    return next((value for name, value in scope["headers"] if name == b"authorization"), b"")


def _relayed(scope: Scope) -> bool:
    return any(name in _RELAYED for name, _ in scope["headers"])


def _peer_in(scope: Scope, networks: tuple[Network, ...]) -> bool:
    client = scope.get("client")
    if not client:
        return False
    try:
        address = ipaddress.ip_address(client[0])
    except ValueError:  # not an IP address: a Unix socket, a test client
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in networks)
