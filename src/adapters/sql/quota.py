from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, Executable, Row
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql import quota_statements as sql
from adapters.sql.errors import StorageError
from adapters.sql.execution import execute
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


class SqlQuotaLedger(QuotaLedger):
    """Holds in `token_reservations`; credits in `credit_accounts`, a running sum of
    `ledger_entries` kept in step in the same transaction; the service's day in `quota_days`.

    Every step takes its row locks in one order (reservations, then the user's account, then
    the day) and keeps them until the caller's transaction ends, so concurrent steps
    serialise without deadlocking. Every model call of every user locks the day's row, so on
    PostgreSQL `reserve` and `settle` lock it in their last statement (see
    `quota_statements`): it stays locked for the caller's remaining statements and commit,
    not across the step's own round trips. On SQLite each step starts with a write, so it
    holds the database's one write lock before it reads anything.
    """

    def __init__(self, session: AsyncSession, ids: IdGenerator) -> None:
        self._session, self._ids = session, ids

    async def reserve(self, user_id: UserId, tokens: int, now: datetime, limits: QuotaLimits,
                      ttl_s: int = 900) -> Reservation:
        day, dialect = day_of(now), self._dialect()
        if dialect == "postgresql":
            return await self._reserve_on_postgresql(user_id, tokens, now, limits, ttl_s)
        service = (await self._run(sql.LOCK_DAY[dialect], quota_day=day)).one()
        account = (await self._run(sql.LOCK_ACCOUNT, owner=user_id)).one_or_none()
        mine = (await self._run(sql.USER_DAY, owner=user_id, quota_day=day)).one()
        usage = QuotaUsage(credits=account.credits if account else 0,
                           reserved=account.reserved if account else 0,
                           used_today=mine.used, reserved_today=mine.reserved,
                           global_used_today=service.used,
                           global_reserved_today=service.reserved)
        check_reservation(tokens, usage, limits, now)
        reservation = self._new_reservation(user_id, tokens, now, ttl_s)
        await self._run(sql.INSERT_RESERVATION, id=reservation.id, user_id=user_id,
                        tokens=tokens, day=day, created_at=now,
                        expires_at=reservation.expires_at, state=sql.HELD, charged=0)
        await self._run(sql.HOLD_ON_DAY, quota_day=day, tokens=tokens)
        await self._run(sql.HOLD_ON_ACCOUNT, owner=user_id, tokens=tokens)
        return reservation

    async def _reserve_on_postgresql(self, user_id: UserId, tokens: int, now: datetime,
                                     limits: QuotaLimits, ttl_s: int) -> Reservation:
        """The account's lock, then one statement that checks the daily limits and holds the
        tokens (`quota_statements.PG_RESERVE`). A refusal reads the state it was refused
        on (still locked) and lets `check_reservation` name the limit."""
        day = day_of(now)
        account = (await self._run(sql.LOCK_ACCOUNT, owner=user_id)).one_or_none()
        credits, reserved = (account.credits, account.reserved) if account else (0, 0)
        if 0 < tokens <= credits - reserved:
            reservation = self._new_reservation(user_id, tokens, now, ttl_s)
            mine = (await self._run(
                sql.PG_RESERVE, id=reservation.id, owner=user_id, tokens=tokens,
                quota_day=day, created_at=now, expires_at=reservation.expires_at,
                daily_limit=limits.daily_tokens,
                service_limit=limits.global_daily_tokens)).one()
            if mine.held:
                return reservation
        else:
            mine = (await self._run(sql.USER_DAY, owner=user_id, quota_day=day)).one()
        service = (await self._run(sql.DAY_COUNTS, quota_day=day)).one_or_none()
        check_reservation(tokens, QuotaUsage(
            credits=credits, reserved=reserved, used_today=mine.used,
            reserved_today=mine.reserved, global_used_today=service.used if service else 0,
            global_reserved_today=service.reserved if service else 0), limits, now)
        raise StorageError("the database refused a reservation that fits every limit")

    def _new_reservation(self, user_id: UserId, tokens: int, now: datetime,
                         ttl_s: int) -> Reservation:
        return Reservation(id=ReservationId(self._ids.new_id()), user_id=user_id,
                           tokens=tokens, day=day_of(now), created_at=now,
                           expires_at=now + timedelta(seconds=ttl_s))

    async def settle(self, reservation_id: ReservationId, usage: Usage, now: datetime) -> bool:
        details = {"model": usage.model, "prompt_tokens": usage.prompt_tokens,
                   "completion_tokens": usage.completion_tokens,
                   "latency_ms": usage.latency_ms}
        if self._dialect() == "postgresql":
            charged = await self._run(sql.PG_SETTLE, reservation_id=reservation_id,
                                      total=usage.total_tokens, details=details,
                                      entry_id=self._ids.new_id(), at=now)
            return charged.first() is not None
        ended = (await self._run(sql.SETTLE, reservation_id=reservation_id,
                                 total=usage.total_tokens)).all()
        await self._unhold(ended)
        for hold in ended:
            await self._append(hold.user_id, -hold.charged, LedgerReason.USAGE, now,
                               reservation_id=reservation_id,
                               details={**details, "charged": hold.charged})
        return bool(ended)

    async def release(self, reservation_id: ReservationId, now: datetime) -> bool:
        ended = (await self._run(sql.RELEASE, reservation_id=reservation_id)).all()
        await self._unhold(ended)
        return bool(ended)

    async def grant(self, user_id: UserId, amount: int, reason: LedgerReason, now: datetime,
                    details: dict[str, Any] | None = None) -> LedgerEntry:
        await self._run(sql.CREDIT[self._dialect()], owner=user_id, amount=amount)
        return await self._append(user_id, amount, reason, now, details=dict(details or {}))

    async def balance(self, user_id: UserId, now: datetime, limits: QuotaLimits) -> Balance:
        account = (await self._run(sql.ACCOUNT, owner=user_id)).one_or_none()
        mine = (await self._run(sql.USER_DAY, owner=user_id, quota_day=day_of(now))).one()
        return Balance(credits=account.credits if account else 0,
                       reserved=account.reserved if account else 0,
                       daily_limit=limits.daily_tokens, used_today=mine.used + mine.reserved,
                       resets_at=resets_at(now))

    async def entries(self, user_id: UserId) -> Sequence[LedgerEntry]:
        rows = (await self._run(sql.ENTRIES, owner=user_id)).all()
        return [LedgerEntry(id=LedgerEntryId(row.id), user_id=UserId(row.user_id),
                            delta=row.delta, reason=LedgerReason(row.reason), at=row.at,
                            reservation_id=row.reservation_id, details=row.details)
                for row in rows]

    async def expire_stale(self, now: datetime) -> int:
        ended = (await self._run(sql.EXPIRE, now=now)).all()
        await self._unhold(ended)
        return len(ended)

    async def used_today(self, now: datetime) -> int:
        used = (await self._run(sql.DAY, quota_day=day_of(now))).scalar_one_or_none()
        return int(used or 0)

    async def _unhold(self, ended: Sequence[Row[Any]]) -> None:
        """Takes ended holds off their users' and days' counters, in lock order."""
        days: defaultdict[Any, list[int]] = defaultdict(lambda: [0, 0])
        users: defaultdict[Any, list[int]] = defaultdict(lambda: [0, 0])
        for hold in ended:
            for totals in (days[hold.day], users[hold.user_id]):
                totals[0] += hold.tokens
                totals[1] += hold.charged
        for user_id, (tokens, charged) in sorted(users.items()):
            await self._run(sql.UNHOLD_ON_ACCOUNT, owner=user_id, tokens=tokens,
                            charged=charged)
        for day, (tokens, charged) in sorted(days.items()):
            await self._run(sql.UNHOLD_ON_DAY, quota_day=day, tokens=tokens, charged=charged)

    async def _append(self, user_id: UserId, delta: int, reason: LedgerReason, now: datetime,
                      *, reservation_id: ReservationId | None = None,
                      details: dict[str, Any]) -> LedgerEntry:
        entry = LedgerEntry(id=LedgerEntryId(self._ids.new_id()), user_id=user_id, delta=delta,
                            reason=reason, at=now, reservation_id=reservation_id,
                            details=details)
        await self._run(sql.INSERT_ENTRY, id=entry.id, user_id=user_id, delta=delta,
                        reason=reason.value, at=now, reservation_id=reservation_id,
                        details=details)
        return entry

    def _dialect(self) -> str:
        return self._session.get_bind().dialect.name

    async def _run(self, statement: Executable, **parameters: Any) -> CursorResult[Any]:
        return await execute(self._session, statement, parameters)
