import asyncio
from datetime import UTC, datetime

import pytest

from adapters.counters.local import LocalCounters
from adapters.memory.system import FixedClock
from adapters.rate_limit import CountingRateLimiter
from domain.errors import RateLimited
from domain.ports.rate_limits import Rate

THREE_PER_MINUTE = Rate(3, 60)
WINDOW_START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(WINDOW_START)


@pytest.fixture
def counters(clock) -> LocalCounters:
    return LocalCounters(clock)


@pytest.fixture
def limiter(counters, clock) -> CountingRateLimiter:
    return CountingRateLimiter(counters, clock)


async def hit_times(limiter: CountingRateLimiter, key: str, times: int, rate: Rate) -> None:
    for _ in range(times):
        await limiter.hit(key, rate)


async def test_events_up_to_the_rate_pass_and_the_next_is_refused(limiter):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)

    with pytest.raises(RateLimited):
        await limiter.hit("ip:1", THREE_PER_MINUTE)


async def test_each_hit_says_what_is_left_and_when_it_resets(limiter, clock):
    clock.advance(seconds=15)
    windows = [await limiter.hit("ip:1", THREE_PER_MINUTE) for _ in range(3)]

    assert [w.remaining for w in windows] == [2, 1, 0]
    assert {w.resets_in_s for w in windows} == {45}


async def test_retry_after_is_the_time_left_in_the_window(limiter, clock):
    await hit_times(limiter, "ip:1", 3, THREE_PER_MINUTE)
    clock.advance(seconds=20.5)

    with pytest.raises(RateLimited) as raised:
        await limiter.hit("ip:1", THREE_PER_MINUTE)

    assert raised.value.retry_after_s == 40


async def test_refused_events_do_not_reach_into_the_next_window(limiter, clock):
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


async def test_concurrent_hits_never_pass_more_than_the_rate(limiter):
    outcomes = await asyncio.gather(
        *(limiter.hit("ip:1", Rate(10, 60)) for _ in range(50)), return_exceptions=True)

    assert sum(not isinstance(o, BaseException) for o in outcomes) == 10
    assert all(isinstance(o, RateLimited) for o in outcomes if isinstance(o, BaseException))


async def test_the_counter_expires_with_its_window(limiter, counters, clock):
    clock.advance(seconds=45)
    await limiter.hit("ip:1", THREE_PER_MINUTE)

    reading = await counters.peek(f"rl:ip:1:60:{int(WINDOW_START.timestamp())}")
    assert reading is not None
    assert reading.value == 1
    assert reading.expires_in_s == 15


async def test_finished_windows_are_swept_from_memory(limiter, counters, clock):
    for client in range(100):
        await limiter.hit(f"ip:{client}", THREE_PER_MINUTE)
    assert len(counters) == 100

    clock.advance(minutes=2)
    await limiter.hit("ip:new", THREE_PER_MINUTE)

    assert len(counters) == 1
