"""Allowed hosts match with or without a port; the client address comes from forwarded
headers only when the peer is a trusted proxy."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.http.allowed_hosts import host_name
from entrypoints.http.app import create_app

PEER = "10.1.2.3"


@pytest.fixture
async def served(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    """`serve(peer, **settings)` → an httpx client whose connection comes from `peer`."""
    containers, clients = [], []

    async def serve(peer: str = PEER, base_url: str = "http://api.tesigo.test",
                    **settings: Any) -> httpx.AsyncClient:
        fakes = Fakes()
        config = settings_for(**settings)
        container = memory_container(fakes, config)
        containers.append(container)
        transport = httpx.ASGITransport(app=create_app(container, config), client=(peer, 4711))
        client = httpx.AsyncClient(transport=transport, base_url=base_url)
        client.fakes = fakes  # type: ignore[attr-defined]
        clients.append(client)
        return client

    yield serve
    for client in clients:
        await client.aclose()
    for container in containers:
        await container.close()


@pytest.mark.parametrize(("header", "name"), [
    ("example.com", "example.com"), ("example.com:8000", "example.com"),
    ("127.0.0.1:18000", "127.0.0.1"), ("[::1]:8000", "::1"), ("[::1]", "::1"), ("::1", "::1"),
])
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:18000", "http://localhost:8000",
                                      "http://localhost", "http://[::1]:8000",
                                      "http://api.tesigo.test:443"])
async def test_allowed_hosts_match_with_or_without_a_port(served, base_url: str) -> None:
    client = await served(base_url=base_url,
                          allowed_hosts=["127.0.0.1", "localhost", "::1", "api.tesigo.test"])
    response = await client.post("/api/v1/auth/magic-link", json={"email": "ada@example.com"})
    assert response.status_code == 202, response.text


@pytest.mark.parametrize("base_url", ["http://evil.example", "http://evil.example:8000",
                                      "http://127.0.0.2:18000", "http://localhost.evil:80"])
async def test_a_refused_host_answers_a_problem(served, base_url: str) -> None:
    client = await served(base_url=base_url, allowed_hosts=["127.0.0.1", "localhost"])
    response = await client.get("/documents")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 400
    assert "Host" in response.json()["detail"]


async def test_probes_and_scrapes_by_address_pass_the_host_check(served) -> None:
    client = await served(base_url="http://10.0.0.7:8000", allowed_hosts=["api.tesigo.test"],
                          metrics_allowed=[PEER])
    assert (await client.get("/health")).status_code == 200
    assert (await client.get("/ready")).status_code == 200
    assert (await client.get("/metrics")).status_code == 200
    assert (await client.get("/api/v1/auth/me")).status_code == 400  # the rest stays refused
    assert (await client.get("/health/../documents")).status_code == 400


async def sign_in_ips(client: httpx.AsyncClient, **headers: str) -> list[str | None]:
    """Signs in through the API with extra request headers; the audit log's addresses."""
    fakes: Fakes = client.fakes  # type: ignore[attr-defined]
    assert (await client.post("/api/v1/auth/magic-link", json={"email": "ada@example.com"},
                              headers=headers)).status_code == 202
    token = fakes.mailer.sent[-1].text.split("token=")[1].split()[0]
    verified = await client.post("/api/v1/auth/verify-magic-link", json={"token": token},
                                 headers=headers)
    assert verified.status_code == 200, verified.text
    return [entry.ip for entry in fakes.db.tables["audit_log"].values()]


async def test_without_trusted_proxies_forwarded_headers_change_nothing(served) -> None:
    client = await served()
    ips = await sign_in_ips(client, **{"X-Forwarded-For": "203.0.113.7",
                                       "Forwarded": "for=198.51.100.1"})
    assert set(ips) == {PEER}


async def test_a_trusted_proxy_names_the_client(served) -> None:
    client = await served(trusted_proxies=["10.0.0.0/8"])
    ips = await sign_in_ips(client, **{"X-Forwarded-For": "203.0.113.7, 10.9.9.9"})
    assert set(ips) == {"203.0.113.7"}


async def test_a_trusted_proxy_may_speak_rfc_7239(served) -> None:
    client = await served(trusted_proxies=["10.1.2.3"])
    ips = await sign_in_ips(client, Forwarded='for="[2001:db8::7]:4711";proto=https')
    assert set(ips) == {"2001:db8::7"}


async def test_an_untrusted_peer_cannot_pass_for_a_proxy(served) -> None:
    client = await served(peer="192.0.2.50", trusted_proxies=["10.0.0.0/8"])
    ips = await sign_in_ips(client, **{"X-Forwarded-For": "203.0.113.7"})
    assert set(ips) == {"192.0.2.50"}


async def test_rate_limits_count_the_client_behind_the_proxy(served) -> None:
    client = await served(trusted_proxies=["10.0.0.0/8"], rate_limit_signin="2/minute")

    async def ask(client_ip: str) -> int:
        response = await client.post("/api/v1/auth/magic-link", json={"email": "a@example.com"},
                                     headers={"X-Forwarded-For": client_ip})
        return response.status_code

    assert [await ask("203.0.113.7") for _ in range(3)] == [202, 202, 429]
    assert await ask("203.0.113.8") == 202


async def test_forged_forwarded_for_does_not_escape_the_limit(served) -> None:
    client = await served(rate_limit_signin="2/minute")
    codes = [(await client.post("/api/v1/auth/magic-link", json={"email": "a@example.com"},
                                headers={"X-Forwarded-For": f"203.0.113.{i}"})).status_code
             for i in range(3)]
    assert codes == [202, 202, 429]
