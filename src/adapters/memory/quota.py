import asyncio
from collections.abc import Hashable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from adapters.memory.database import CREDIT_ACCOUNTS, LEDGER_ENTRIES, QUOTA_DAYS, RESERVATIONS
from adapters.memory.quota_holds import Hold, HoldState, usage_of
from adapters.memory.transactions import InMemoryTransactionManager
from domain.ids import LedgerEntryId, ReservationId, UserId
from domain.ports.quota import QuotaLedger
from domain.ports.system import IdGenerator
from domain.quota import (
    Balance,
    LedgerEntry,
    LedgerReason,
    QuotaLimits,
    QuotaUsage,
    Reservation,
    Usage,
    check_reservation,
    day_of,
    resets_at,
)

LOCK_WAIT_S, _POLL_S = 10.0, 0.001


class InMemoryQuotaLedger(QuotaLedger):
    """Ledger entries and holds as rows; every sum is counted from them.

    Like the SQL adapter's row locks, `reserve` takes the day and then the user, and `settle`
    and `release` the reservation, each waiting (up to LOCK_WAIT_S) for another transaction
    that holds it to end; so concurrent reservations serialise and a reservation ends once.
    `expire_stale` skips reservations another transaction holds: that one is ending them.
    """

    def __init__(self, tx: InMemoryTransactionManager, ids: IdGenerator) -> None:
        self._tx, self._ids = tx, ids

    async def reserve(self, user_id: UserId, tokens: int, now: datetime, limits: QuotaLimits,
                      ttl_s: int = 900) -> Reservation:
        day = day_of(now)
        await self._lock(QUOTA_DAYS, day)
        await self._lock(CREDIT_ACCOUNTS, user_id)
        check_reservation(tokens, self._usage(user_id, day), limits, now)
        reservation = Reservation(id=ReservationId(self._ids.new_id()), user_id=user_id,
                                  tokens=tokens, day=day, created_at=now,
                                  expires_at=now + timedelta(seconds=ttl_s))
        self._tx.put(RESERVATIONS, reservation.id, Hold(reservation))
        return reservation

    async def settle(self, reservation_id: ReservationId, usage: Usage, now: datetime) -> bool:
        hold = await self._held(reservation_id)
        if hold is None:
            return False
        charged = min(usage.total_tokens, hold.reservation.tokens)
        self._tx.put(RESERVATIONS, reservation_id,
                     replace(hold, state=HoldState.SETTLED, charged=charged))
        self._append(hold.reservation.user_id, -charged, LedgerReason.USAGE, now,
                     reservation_id=reservation_id,
                     details={"model": usage.model, "prompt_tokens": usage.prompt_tokens,
                              "completion_tokens": usage.completion_tokens,
                              "latency_ms": usage.latency_ms, "charged": charged})
        return True

    async def release(self, reservation_id: ReservationId, now: datetime) -> bool:
        hold = await self._held(reservation_id)
        if hold is None:
            return False
        self._tx.put(RESERVATIONS, reservation_id, replace(hold, state=HoldState.RELEASED))
        return True

    async def grant(self, user_id: UserId, amount: int, reason: LedgerReason, now: datetime,
                    details: dict[str, Any] | None = None) -> LedgerEntry:
        return self._append(user_id, amount, reason, now, details=dict(details or {}))

    async def balance(self, user_id: UserId, now: datetime, limits: QuotaLimits) -> Balance:
        usage = self._usage(user_id, day_of(now))
        return Balance(credits=usage.credits, reserved=usage.reserved,
                       daily_limit=limits.daily_tokens,
                       used_today=usage.used_today + usage.reserved_today,
                       resets_at=resets_at(now))

    async def entries(self, user_id: UserId) -> Sequence[LedgerEntry]:
        entries: list[LedgerEntry] = self._tx.rows(LEDGER_ENTRIES)
        return sorted((entry for entry in entries if entry.user_id == user_id),
                      key=lambda entry: (entry.at, entry.id))

    async def expire_stale(self, now: datetime) -> int:
        stale = [hold for hold in self._holds()
                 if hold.state is HoldState.HELD and hold.reservation.expires_at <= now
                 and self._tx.lock_row(RESERVATIONS, hold.reservation.id)]
        for hold in stale:
            self._tx.put(RESERVATIONS, hold.reservation.id,
                         replace(hold, state=HoldState.EXPIRED))
        return len(stale)

    async def used_today(self, now: datetime) -> int:
        day = day_of(now)
        return sum(hold.counted for hold in self._holds() if hold.reservation.day == day)

    def _usage(self, user_id: UserId, day: date) -> QuotaUsage:
        return usage_of(user_id, day, self._holds(), self._tx.rows(LEDGER_ENTRIES))

    def _holds(self) -> list[Hold]:
        holds: list[Hold] = self._tx.rows(RESERVATIONS)
        return holds

    async def _held(self, reservation_id: ReservationId) -> Hold | None:
        """The reservation, locked for this transaction, if it is still held."""
        if self._tx.get(RESERVATIONS, reservation_id) is None:
            return None
        await self._lock(RESERVATIONS, reservation_id)
        hold: Hold | None = self._tx.get(RESERVATIONS, reservation_id)
        return hold if hold is not None and hold.state is HoldState.HELD else None

    def _append(self, user_id: UserId, delta: int, reason: LedgerReason, now: datetime, *,
                reservation_id: ReservationId | None = None,
                details: dict[str, Any]) -> LedgerEntry:
        entry = LedgerEntry(id=LedgerEntryId(self._ids.new_id()), user_id=user_id, delta=delta,
                            reason=reason, at=now, reservation_id=reservation_id,
                            details=details)
        self._tx.put(LEDGER_ENTRIES, entry.id, entry)
        return entry

    async def _lock(self, table: str, key: Hashable) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + LOCK_WAIT_S
        while not self._tx.lock_row(table, key):
            if loop.time() > deadline:
                raise TimeoutError(f"{table} row {key} stayed locked by another transaction")
            await asyncio.sleep(_POLL_S)
