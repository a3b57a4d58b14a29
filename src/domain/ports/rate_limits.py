from abc import abstractmethod
from dataclasses import dataclass
from typing import Protocol

from domain.errors import InvalidInput

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True, slots=True)
class Rate:
    """`count` events per `period_s` seconds, read from text such as `5/hour`."""

    count: int
    period_s: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        count, _, unit = text.strip().partition("/")
        if not count.isdigit() or int(count) < 1 or unit not in _UNITS:
            raise InvalidInput(f"rate {text!r} is not N/second|minute|hour|day")
        return cls(int(count), _UNITS[unit])

    def refusal(self, retry_after_s: int) -> str:
        """What a refused caller is told: which limit, and when it resets."""
        unit = next((name for name, seconds in _UNITS.items() if seconds == self.period_s),
                    f"{self.period_s} seconds")
        return (f"Too many requests: the limit is {self.count} per {unit}; it resets in "
                f"{retry_after_s} second{'s' if retry_after_s != 1 else ''}.")


@dataclass(frozen=True, slots=True)
class RateWindow:
    """Where a key stands in its current window: `used` of `rate.count` events, and the
    seconds until the window ends."""

    rate: Rate
    used: int
    resets_in_s: int

    @property
    def remaining(self) -> int:
        return max(0, self.rate.count - self.used)


class RateLimiter(Protocol):
    """Counts events per key in fixed windows, shared by every process on the same store.

    `hit` counts one event for `key` and returns the window; past `rate.count` events in the
    current window it raises RateLimited with the seconds until the window ends. Concurrent
    hits never let more than `rate.count` events through in one window.
    """

    @abstractmethod
    async def hit(self, key: str, rate: Rate) -> RateWindow: ...
