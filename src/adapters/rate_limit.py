import asyncio
from datetime import datetime

from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore

from domain.errors import RateLimited
from domain.ports.rate_limits import Rate, RateLimiter
from domain.ports.system import Clock

_SWEEP_EVERY_S = 60


class StoreRateLimiter(RateLimiter):
    """Fixed windows counted in a Litestar store under `rl:{key}:{period}:{window start}`.

    Windows are cut from the injected clock; the store's expiry only clears old counters.
    The period is part of the key so that two rates on one key never share a counter.

    Litestar's `Store` has no atomic increment, so the read-then-write of a counter runs under
    one asyncio lock per limiter. That makes it exact for a `MemoryStore` within one process
    (each process then counts on its own). A `RedisStore` shared by several processes would
    still race between the read and the write; there the limiter should use Redis `INCR` with
    `EXPIRE` on the store's client instead.
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store, self._clock = store, clock
        self._lock = asyncio.Lock()
        self._last_sweep: datetime | None = None

    async def hit(self, key: str, rate: Rate) -> None:
        now = self._clock.now()
        second = int(now.timestamp())
        window_start = second - second % rate.period_s
        remaining_s = window_start + rate.period_s - second
        counter = f"rl:{key}:{rate.period_s}:{window_start}"
        async with self._lock:
            await self._sweep(now)
            stored = await self._store.get(counter)
            count = int(stored) if stored else 0
            if count >= rate.count:
                raise RateLimited(retry_after_s=remaining_s)
            await self._store.set(counter, str(count + 1), expires_in=remaining_s)

    async def _sweep(self, now: datetime) -> None:
        # A MemoryStore only drops an expired key when it is read again, and a finished
        # window's key never is: without a sweep every key of every window would stay.
        if not isinstance(self._store, MemoryStore):
            return
        if self._last_sweep is None or (now - self._last_sweep).total_seconds() >= _SWEEP_EVERY_S:
            self._last_sweep = now
            await self._store.delete_expired()
