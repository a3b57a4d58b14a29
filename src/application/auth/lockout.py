from domain.errors import RateLimited
from domain.ports.counters import Counters

STRIKES_MEMORY_S = 86_400


class SignInLockout:
    """Locks a client address out of sign-in verification after repeated failures.

    - `after` failed attempts from one address within `lock_s` seconds of the first lock it
      out for `lock_s` seconds; each further lockout within a day doubles the time (up to a
      day)
    - while locked out, `check` raises RateLimited with the seconds left
    - a success forgets the address's failures and lockouts
    """

    def __init__(self, counters: Counters, *, after: int, lock_s: int) -> None:
        self._counters, self._after, self._lock_s = counters, after, lock_s

    async def check(self, address: str) -> None:
        locked = await self._counters.peek(f"signin-locked:{address}")
        if locked is not None:
            raise _locked_out(locked.expires_in_s)

    async def failed(self, address: str) -> int | None:
        """Counts a failure; returns the seconds of the lockout it started, if it did."""
        failures = await self._counters.increment(f"signin-failures:{address}", self._lock_s)
        if failures < self._after:
            return None
        strikes = await self._counters.increment(f"signin-strikes:{address}", STRIKES_MEMORY_S)
        seconds: int = min(self._lock_s * 2 ** min(strikes - 1, 16),
                           max(self._lock_s, STRIKES_MEMORY_S))
        await self._counters.put(f"signin-locked:{address}", strikes, seconds)
        await self._counters.delete(f"signin-failures:{address}")
        return seconds

    async def succeeded(self, address: str) -> None:
        await self._counters.delete(f"signin-failures:{address}", f"signin-strikes:{address}")


def _locked_out(seconds: int) -> RateLimited:
    minutes = max(1, round(seconds / 60))
    return RateLimited(f"Too many failed sign-in attempts from this address: sign-in links "
                       f"can be used from it again in about {minutes} minute"
                       f"{'s' if minutes != 1 else ''}.", retry_after_s=seconds)
