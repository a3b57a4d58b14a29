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


class RateLimiter(Protocol):
    """Counts events per key in fixed windows.

    `hit` counts one event for `key`; past `rate.count` events in the current window it
    raises RateLimited with the seconds until the window ends (the event is not counted).
    """

    @abstractmethod
    async def hit(self, key: str, rate: Rate) -> None: ...
