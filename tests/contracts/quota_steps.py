"""Steps shared by the QuotaLedger contract suites."""

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from tests.builders import NOW, a_user
from tests.contracts.storage import Storage, Unit

from domain.ids import UserId
from domain.quota import LedgerReason, QuotaLimits, Usage

T = TypeVar("T")

MIDNIGHT = datetime(2025, 3, 2, tzinfo=UTC)  # the first reset after NOW
LIMITS = QuotaLimits(daily_tokens=1_000, global_daily_tokens=5_000)
PLENTY = 10**9


def limits(daily: int = 1_000, service: int = 5_000) -> QuotaLimits:
    return QuotaLimits(daily_tokens=daily, global_daily_tokens=service)


def a_usage(prompt: int = 200, completion: int = 100) -> Usage:
    return Usage(model="tesigo-test", prompt_tokens=prompt, completion_tokens=completion,
                 latency_ms=1_234)


async def committed(storage: Storage, step: Callable[[Unit], Awaitable[T]]) -> T:
    """Runs `step` in a unit of work of its own and commits it."""

    async def and_commit(unit: Unit) -> T:
        result = await step(unit)
        await unit.tx.commit()
        return result

    return await afterwards(storage, and_commit)


async def afterwards(storage: Storage, step: Callable[[Unit], Awaitable[T]]) -> T:
    """Runs `step` in a unit of work of its own, which then ends without committing."""
    unit = storage.begin()
    try:
        return await step(unit)
    finally:
        await storage.end(unit)


async def a_funded_user(storage: Storage, credits: int, at: datetime = NOW) -> UserId:
    """A stored user granted `credits` at sign-up (none when 0)."""
    user = a_user()

    async def sign_up(unit: Unit) -> None:
        await unit.users.add(user)
        if credits:
            await unit.quota.grant(user.id, credits, LedgerReason.SIGNUP, at)

    await committed(storage, sign_up)
    return user.id
