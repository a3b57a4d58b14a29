from abc import abstractmethod
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from domain.ids import ReservationId, UserId
from domain.quota import Balance, LedgerEntry, LedgerReason, QuotaLimits, Reservation, Usage


class QuotaLedger(Protocol):
    """Credits, reservations and daily usage, in the caller's transaction.

    - `reserve` checks the three limits with `domain.quota.check_reservation` against
      committed state and holds `tokens` in one atomic step: concurrent reservations of any
      users serialise (PostgreSQL: row locks), so no interleaving spends past a limit. It
      raises InsufficientCredits, DailyLimitReached or ServiceDailyLimitReached. The hold
      counts for others once the caller commits; it expires at `now + ttl_s`.
    - `settle` charges the reservation at `usage.total_tokens`, capped at what was reserved,
      as a USAGE ledger entry (model, token counts and latency in its details) and frees the
      rest; settled usage counts towards the day the reservation was made. Settling or
      releasing an unknown, settled, released or expired reservation does nothing and
      returns False (so a retried step never charges twice); True otherwise.
    - `release` frees a reservation without charging.
    - `grant` appends an entry of `amount` (negative to remove) with its reason; a balance
      may go below zero only this way (a refund of spent credits), never through usage.
    - `balance` is what a user holds now: credits = the sum of their ledger entries.
    - `entries` is a user's ledger, oldest first.
    - `expire_stale` releases reservations whose time ran out; returns how many.
    - `used_today` is the service-wide usage (settled + held) of `now`'s day.
    """

    @abstractmethod
    async def reserve(self, user_id: UserId, tokens: int, now: datetime, limits: QuotaLimits,
                      ttl_s: int = 900) -> Reservation: ...

    @abstractmethod
    async def settle(self, reservation_id: ReservationId, usage: Usage,
                     now: datetime) -> bool: ...

    @abstractmethod
    async def release(self, reservation_id: ReservationId, now: datetime) -> bool: ...

    @abstractmethod
    async def grant(self, user_id: UserId, amount: int, reason: LedgerReason, now: datetime,
                    details: dict[str, Any] | None = None) -> LedgerEntry: ...

    @abstractmethod
    async def balance(self, user_id: UserId, now: datetime, limits: QuotaLimits) -> Balance: ...

    @abstractmethod
    async def entries(self, user_id: UserId) -> Sequence[LedgerEntry]: ...

    @abstractmethod
    async def expire_stale(self, now: datetime) -> int: ...

    @abstractmethod
    async def used_today(self, now: datetime) -> int: ...
