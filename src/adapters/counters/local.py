import math
from datetime import datetime, timedelta

from domain.ports.counters import CounterReading, Counters
from domain.ports.system import Clock

_SWEEP_EVERY_S = 60


class LocalCounters(Counters):
    """Counters in this process's memory, expiring by the injected clock. Every operation
    runs without awaiting, so it is atomic on the event loop; each process counts on its
    own (REDIS_URL shares one count between processes)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._values: dict[str, tuple[int, datetime]] = {}
        self._last_sweep: datetime | None = None

    async def increment(self, key: str, ttl_s: int) -> int:
        now = self._sweep()
        value, expires = self._values.get(key, (0, now))
        if expires <= now:
            value, expires = 0, _later(now, ttl_s)
        self._values[key] = (value + 1, expires)
        return value + 1

    async def put(self, key: str, value: int, ttl_s: int) -> None:
        now = self._sweep()
        self._values[key] = (value, _later(now, ttl_s))

    async def peek(self, key: str) -> CounterReading | None:
        now = self._clock.now()
        stored = self._values.get(key)
        if stored is None or stored[1] <= now:
            return None
        left = math.ceil((stored[1] - now).total_seconds())
        return CounterReading(stored[0], max(1, left))

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._values.pop(key, None)

    def __len__(self) -> int:
        return len(self._values)

    def _sweep(self) -> datetime:
        # An expired key is only replaced when it is counted again, and a finished window's
        # key never is: without a sweep every window of every client would stay.
        now = self._clock.now()
        if self._last_sweep is None or (now - self._last_sweep).total_seconds() >= _SWEEP_EVERY_S:
            self._last_sweep = now
            self._values = {k: v for k, v in self._values.items() if v[1] > now}
        return now


def _later(now: datetime, seconds: int) -> datetime:
    return now + timedelta(seconds=seconds)
