from domain.errors import RateLimited
from domain.ports.counters import Counters
from domain.ports.rate_limits import Rate, RateLimiter, RateWindow
from domain.ports.system import Clock


class CountingRateLimiter(RateLimiter):
    """Fixed windows counted under `rl:{key}:{period}:{window start}` in the Counters.

    Windows are cut from the injected clock; the counter's expiry only clears old windows.
    The period is part of the key so that two rates on one key never share a counter. Each
    hit is one atomic increment, so concurrent requests (also from other processes sharing
    the counters) cannot both take the last place of a window.
    """

    def __init__(self, counters: Counters, clock: Clock) -> None:
        self._counters, self._clock = counters, clock

    async def hit(self, key: str, rate: Rate) -> RateWindow:
        second = int(self._clock.now().timestamp())
        window_start = second - second % rate.period_s
        remaining_s = window_start + rate.period_s - second
        used = await self._counters.increment(f"rl:{key}:{rate.period_s}:{window_start}",
                                              remaining_s)
        if used > rate.count:
            raise RateLimited(rate.refusal(remaining_s), retry_after_s=remaining_s)
        return RateWindow(rate=rate, used=used, resets_in_s=remaining_s)
