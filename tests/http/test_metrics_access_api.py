"""/metrics answers METRICS_ALLOWED peers and METRICS_TOKEN holders; anyone else gets the
404 an unknown path gets. The peer is the connection's, never a forwarding header."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from litestar.testing import AsyncTestClient
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.http.app import create_app

TOKEN = "metrics-token-0123456789abcdef"
Peer = Callable[[str], httpx.AsyncClient]


@asynccontextmanager
async def served(**settings: Any) -> AsyncIterator[Peer]:
    """The app (started, as the test client starts it), and clients that reach it from a
    given peer address, as a TCP connection from that address would."""
    configured = settings_for(**settings)
    container = memory_container(Fakes(), configured)
    app = create_app(container, configured)
    clients: list[httpx.AsyncClient] = []

    def from_peer(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 50000))
        clients.append(httpx.AsyncClient(transport=transport, base_url="http://api.test"))
        return clients[-1]

    async with AsyncTestClient(app=app):
        yield from_peer
    for client in clients:
        await client.aclose()
    await container.close()


async def test_loopback_peers_read_the_metrics_by_default() -> None:
    async with served() as peer:
        for address in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
            response = await peer(address).get("/metrics")
            assert response.status_code == 200, address
            assert "tesigo_emails_total" in response.text


async def test_anyone_else_gets_the_404_of_an_unknown_path() -> None:
    async with served() as peer:
        outsider = peer("203.0.113.9")
        refused = await outsider.get("/metrics")
        unknown = await outsider.get("/no-such-path")

    assert refused.status_code == unknown.status_code == 404
    assert refused.headers["content-type"] == unknown.headers["content-type"]
    assert refused.json() == unknown.json()
    assert "tesigo_" not in refused.text


async def test_the_metrics_token_opens_them_to_any_peer() -> None:
    async with served(metrics_token=TOKEN) as peer:
        outsider = peer("203.0.113.9")
        granted = await outsider.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        wrong = await outsider.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}x"})
        bare = await outsider.get("/metrics", headers={"Authorization": TOKEN})

    assert granted.status_code == 200 and "tesigo_emails_total" in granted.text
    assert (wrong.status_code, bare.status_code) == (404, 404)


async def test_without_a_token_set_no_bearer_opens_them() -> None:
    async with served() as peer:
        response = await peer("203.0.113.9").get("/metrics",
                                                 headers={"Authorization": "Bearer "})
    assert response.status_code == 404


async def test_allowed_networks_are_cidrs_and_replace_the_default() -> None:
    async with served(metrics_allowed=["10.1.0.0/16", "2001:db8::/32"]) as peer:
        assert (await peer("10.1.2.3").get("/metrics")).status_code == 200
        assert (await peer("2001:db8::7").get("/metrics")).status_code == 200
        assert (await peer("10.2.0.1").get("/metrics")).status_code == 404
        assert (await peer("127.0.0.1").get("/metrics")).status_code == 404


async def test_a_forwarding_header_never_stands_for_the_peer() -> None:
    spoofed = {"X-Forwarded-For": "127.0.0.1"}
    async with served() as peer:
        assert (await peer("203.0.113.9").get("/metrics", headers=spoofed)).status_code == 404
        # A request relayed by a proxy on loopback is not the proxy's own request.
        relayed = await peer("127.0.0.1").get("/metrics", headers={
            "X-Forwarded-For": "203.0.113.9"})
        assert relayed.status_code == 404
        forwarded = await peer("127.0.0.1").get("/metrics", headers={
            "Forwarded": "for=203.0.113.9"})
        assert forwarded.status_code == 404


async def test_behind_a_trusted_proxy_the_forwarded_client_is_not_taken_for_the_peer() -> None:
    async with served(trusted_proxies=["127.0.0.1"], metrics_allowed=["10.1.0.0/16"]) as peer:
        response = await peer("127.0.0.1").get("/metrics", headers={
            "X-Forwarded-For": "10.1.2.3"})
    assert response.status_code == 404
