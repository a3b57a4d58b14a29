from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from random import random


@dataclass(frozen=True, slots=True, kw_only=True)
class JobPolicy:
    """How workers hold and retry jobs."""

    lease_s: int = 60
    backoff_base_s: float = 5.0
    backoff_max_s: float = 300.0
    reschedule_after_s: float = 30.0
    jitter: Callable[[], float] = field(default=random)

    def backoff(self, attempts: int) -> timedelta:
        """Exponential in the attempts made, capped, with ±50% jitter so that retries of
        many jobs spread out."""
        base = min(self.backoff_max_s, self.backoff_base_s * 2 ** max(0, attempts - 1))
        return timedelta(seconds=base * (0.5 + self.jitter()))
