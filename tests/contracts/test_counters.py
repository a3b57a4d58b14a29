"""The Counters contract, on the in-process adapter and on a real Redis."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from adapters.counters.local import LocalCounters
from adapters.counters.redis import RedisCounters
from adapters.system import SystemClock
from domain.ports.counters import Counters


@pytest.fixture(params=["local", pytest.param("redis", marks=pytest.mark.redis)])
async def counters(request: pytest.FixtureRequest) -> AsyncIterator[Counters]:
    if request.param == "local":
        yield LocalCounters(SystemClock())
        return
    client = Redis.from_url(request.getfixturevalue("redis_url"))
    prefix = f"test:{uuid.uuid4().hex}:"
    yield RedisCounters(client, prefix=prefix)
    keys = [key async for key in client.scan_iter(f"{prefix}*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def test_increment_counts_from_one(counters: Counters) -> None:
    assert [await counters.increment("k", 60) for _ in range(3)] == [1, 2, 3]
    reading = await counters.peek("k")
    assert reading is not None
    assert reading.value == 3
    assert 59 <= reading.expires_in_s <= 60


async def test_keys_are_apart(counters: Counters) -> None:
    await counters.increment("a", 60)
    assert await counters.increment("b", 60) == 1


async def test_later_increments_keep_the_first_expiry(counters: Counters) -> None:
    await counters.increment("k", 30)
    await counters.increment("k", 600)
    reading = await counters.peek("k")
    assert reading is not None
    assert reading.expires_in_s <= 30


async def test_concurrent_increments_never_see_the_same_value(counters: Counters) -> None:
    values = await asyncio.gather(*(counters.increment("k", 60) for _ in range(50)))
    assert sorted(values) == list(range(1, 51))


async def test_put_peek_and_delete(counters: Counters) -> None:
    assert await counters.peek("lock") is None
    await counters.put("lock", 7, 120)
    reading = await counters.peek("lock")
    assert reading is not None
    assert reading.value == 7
    assert 119 <= reading.expires_in_s <= 120
    await counters.delete("lock", "never-there")
    assert await counters.peek("lock") is None


async def test_an_expired_counter_starts_again(counters: Counters) -> None:
    await counters.increment("k", 1)
    await counters.increment("k", 1)
    await asyncio.sleep(1.2)
    assert await counters.peek("k") is None
    assert await counters.increment("k", 60) == 1
