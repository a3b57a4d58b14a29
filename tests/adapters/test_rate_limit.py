import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from litestar.stores.memory import MemoryStore

from adapters.memory.system import FixedClock
from adapters.rate_limit import StoreRateLimiter
from domain.errors import RateLimited
from domain.ports.rate_limits import Rate

THREE_PER_MINUTE = Rate(3, 60)
WINDOW_START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(WINDOW_START)


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


class YieldingStore(MemoryStore):
    """Gives other tasks a turn on every read, as a networked store would."""

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        await asyncio.sleep(0)
        return await super().get(key, renew_for)


@pytest.fixture
def limiter(store, clock) -> StoreRateLimiter:
    return StoreRateLimiter(store, clock)


async def hit_times(limiter: StoreRateLimiter, key: str, times: int, rate: Rate) -> None:
    for _ in range(times):
        await limiter.hit(key, rate)


async def test_events_up_to_the_rate_pass_and_the_next_is_refused(limiter):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)

    with pytest.raises(RateLimited):
        await limiter.hit("ip:1", THREE_PER_MINUTE)


async def test_retry_after_is_the_time_left_in_the_window(limiter, clock):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)
    clock.advance(seconds=20.5)

    with pytest.raises(RateLimited) as raised:
        await limiter.hit("ip:1", THREE_PER_MINUTE)

    assert raised.value.retry_after_s == 40


async def test_refused_events_are_not_counted(limiter, clock):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)
    for _ in range(5):
        with pytest.raises(RateLimited):
            await limiter.hit("ip:1", THREE_PER_MINUTE)
    clock.advance(minutes=1)

    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)


async def test_a_new_window_starts_from_zero(limiter, clock):
    clock.advance(seconds=59)
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)
    clock.advance(seconds=1)

    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)
    with pytest.raises(RateLimited) as raised:
        await limiter.hit("ip:1", THREE_PER_MINUTE)
    assert raised.value.retry_after_s == 60


async def test_keys_are_counted_apart(limiter):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)

    await hit_times(limiter, "ip:2", 3, THREE_PER_MINUTE)
    await hit_times(limiter, "email:ada@example.org", 3, THREE_PER_MINUTE)


async def test_two_rates_on_one_key_do_not_share_a_counter(limiter):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)

    await hit_times(limiter, "ip:1", 5, Rate(10, 3600))


async def test_concurrent_hits_never_pass_more_than_the_rate(clock):
    limiter = StoreRateLimiter(YieldingStore(), clock)

    outcomes = await asyncio.gather(
        *(limiter.hit("ip:1", Rate(10, 60)) for _ in range(50)), return_exceptions=True)

    assert sum(outcome is None for outcome in outcomes) == 10
    assert all(isinstance(o, RateLimited) for o in outcomes if o is not None)


async def test_the_counter_expires_with_its_window(limiter, store, clock):
    clock.advance(seconds=45)
    await limiter.hit("ip:1", THREE_PER_MINUTE)

    key = f"rl:ip:1:60:{int(WINDOW_START.timestamp())}"
    assert await store.get(key) == b"1"
    assert await store.expires_in(key) in (14, 15)


class SweepCountingStore(MemoryStore):
    sweeps = 0

    async def delete_expired(self) -> None:
        self.sweeps += 1
        await super().delete_expired()


async def test_a_memory_store_is_swept_of_finished_windows_once_a_minute(clock):
    store = SweepCountingStore()
    limiter = StoreRateLimiter(store, clock)

    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)
    clock.advance(seconds=59)
    await limiter.hit("ip:2", THREE_PER_MINUTE)
    assert store.sweeps == 1

    clock.advance(seconds=1)
    await limiter.hit("ip:2", THREE_PER_MINUTE)
    assert store.sweeps == 2
