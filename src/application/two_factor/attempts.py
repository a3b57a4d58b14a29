from application.two_factor.policy import SecondFactorPolicy
from domain.errors import RateLimited
from domain.ids import UserId
from domain.ports.counters import Counters


class CodeAttempts:
    """Counts wrong second-factor codes per user.

    - the first wrong code opens a window of `policy.window_s` seconds; once
      `policy.max_failures` wrong codes fell in it, every code (right or wrong) is refused
      with RateLimited until the window closes
    - a right code does not reset the count: guessing gets the same few tries however often
      the owner signs in between
    """

    def __init__(self, counters: Counters, policy: SecondFactorPolicy) -> None:
        self._counters, self._policy = counters, policy

    async def check(self, user_id: UserId) -> None:
        reading = await self._counters.peek(_key(user_id))
        if reading is not None and reading.value >= self._policy.max_failures:
            minutes = max(1, round(reading.expires_in_s / 60))
            raise RateLimited(f"Too many wrong codes: try again in about {minutes} minute"
                              f"{'s' if minutes != 1 else ''}.",
                              retry_after_s=reading.expires_in_s)

    async def failed(self, user_id: UserId) -> None:
        await self._counters.increment(_key(user_id), self._policy.window_s)


def _key(user_id: UserId) -> str:
    return f"2fa-failures:{user_id}"
