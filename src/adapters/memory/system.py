from datetime import UTC, datetime, timedelta
from itertools import count
from uuid import UUID

from domain.ports.system import Clock, IdGenerator, SecretGenerator

_START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


class FixedClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, start: datetime = _START) -> None:
        self._now = _checked(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now

    def set(self, now: datetime) -> None:
        self._now = _checked(now)


class SequentialIdGenerator(IdGenerator):
    """Version-4-shaped UUIDs numbered 1, 2, 3, ...: stable across runs, easy to read."""

    def __init__(self) -> None:
        self._numbers = count(1)

    def new_id(self) -> UUID:
        return UUID(f"00000000-0000-4000-8000-{next(self._numbers):012x}")


class SequentialSecretGenerator(SecretGenerator):
    """Distinct 43-character URL-safe secrets (the length of 256 random bits in base64)."""

    def __init__(self, prefix: str = "secret") -> None:
        self._prefix, self._numbers = prefix, count(1)

    def new_secret(self) -> str:
        number = str(next(self._numbers))
        return f"{self._prefix}-{number.zfill(42 - len(self._prefix))}"


def _checked(moment: datetime) -> datetime:
    if moment.utcoffset() is None:
        raise ValueError("the clock needs a timezone-aware datetime")
    return moment.astimezone(UTC)
