"""The event loop's lag: how late a timer that is due fires, sampled all the time and
exported as `tesigo_event_loop_lag_seconds`. A handler that blocks the loop (CPU work or a
blocking call that should have gone to a pool) delays every request in flight by as much;
this is where it shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from prometheus_client import Histogram

LOOP_LAG = Histogram("tesigo_event_loop_lag_seconds",
                     "How late the event loop ran a timer that was due",
                     buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))


class LoopLagMonitor:
    """Sleeps `interval_s` again and again and records by how much each wake-up came late.
    `run` goes on until its task is cancelled."""

    def __init__(self, interval_s: float = 0.1, histogram: Histogram = LOOP_LAG,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self._interval_s, self._histogram, self._clock = interval_s, histogram, clock

    async def run(self) -> None:
        while True:
            start = self._clock()
            await asyncio.sleep(self._interval_s)
            self._histogram.observe(max(0.0, self._clock() - start - self._interval_s))
