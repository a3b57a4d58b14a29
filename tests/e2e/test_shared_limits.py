"""Two `tesigo serve` processes on one Redis share one count per limit, and a forged
X-Forwarded-For from a peer that is not a trusted proxy changes nothing."""

import random
import time
from collections.abc import Iterator

import httpx
import pytest
from redis import Redis
from tests.e2e.mail_files import mailed_token
from tests.e2e.processes import Served, run_tesigo, tesigo_env

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def two_servers(own_database: str, redis_url: str, tmp_path) -> Iterator[list[Served]]:
    database = random.randint(1, 15)  # a database of its own, emptied first
    url = redis_url.rsplit("/", 1)[0] + f"/{database}"
    Redis.from_url(url).flushdb()
    env = tesigo_env(DATABASE_URL=own_database, REDIS_URL=url, RATE_LIMIT_SIGNIN="6/minute",
                     RATE_LIMIT_MAGIC_LINK="100/hour", RATE_LIMIT_API="4/minute")
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    servers = [Served(env, tmp_path, "--no-worker") for _ in range(2)]
    try:
        for served in servers:
            served.wait_until_healthy()
        yield servers
    finally:
        for served in servers:
            served.stop()


def at_a_fresh_minute() -> None:
    """The limits count in fixed windows of a minute (UTC): a test whose requests straddle
    a window's end sees the count start over. Wait for a new one when this one is ending."""
    left = 60 - time.time() % 60
    if left < 30:
        time.sleep(left + 0.1)


def test_two_processes_share_one_limit(two_servers, tmp_path) -> None:
    at_a_fresh_minute()
    a, b = (httpx.Client(base_url=s.url, timeout=10) for s in two_servers)
    with a, b:
        assert a.post("/api/v1/auth/magic-link", json={"email": "ada@example.com"}
                      ).status_code == 202
        token = mailed_token(tmp_path / "var" / "mail", "ada@example.com")
        pair = b.post("/api/v1/auth/verify-magic-link", json={"token": token})
        assert pair.status_code == 200, pair.text
        auth = {"Authorization": f"Bearer {pair.json()['access_token']}"}

        reads = [client.get("/api/v1/auth/me", headers=auth).status_code
                 for client in (a, b, a, b, a, b)]
        assert reads == [200, 200, 200, 200, 429, 429]

        # sign-in: 2 of the 6 per minute are spent; the client forges a new address each time
        asks = [client.post("/api/v1/auth/magic-link", json={"email": f"u{i}@example.com"},
                            headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
                for i, client in enumerate((a, b, a, b, a))]
        assert asks == [202, 202, 202, 202, 429]
