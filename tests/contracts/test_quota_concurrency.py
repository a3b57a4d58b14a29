"""Many reservations at once never spend past a limit: in-memory, SQLite and PostgreSQL.

Each contender reserves in a transaction of its own and commits; the limit leaves room for
exactly ROOM of them, so exactly ROOM succeed, whichever limit binds.
"""

import asyncio

import pytest
from tests.builders import NOW
from tests.contracts.quota_steps import PLENTY, a_funded_user, a_usage, committed, limits
from tests.contracts.storage import Storage

from domain.ids import UserId
from domain.quota import (
    DailyLimitReached,
    InsufficientCredits,
    QuotaExceeded,
    QuotaLimits,
    ServiceDailyLimitReached,
)

CONTENDERS, ROOM, TOKENS = 50, 10, 100


async def contend(storage: Storage, user: UserId, quota: QuotaLimits) -> QuotaExceeded | None:
    """Reserve in a transaction of its own: None when it committed, else the refusal."""
    unit = storage.begin()
    try:
        await unit.quota.reserve(user, TOKENS, NOW, quota)
        await unit.tx.commit()
    except QuotaExceeded as refused:
        await unit.tx.rollback()
        return refused
    finally:
        await storage.end(unit)
    return None


async def race(storage: Storage, users: list[UserId], quota: QuotaLimits,
               ) -> list[QuotaExceeded | None]:
    return await asyncio.gather(*(contend(storage, user, quota) for user in users))


def refusals(outcomes: list[QuotaExceeded | None]) -> set[type[QuotaExceeded]]:
    return {type(outcome) for outcome in outcomes if outcome is not None}


@pytest.mark.timeout(60)
async def test_credits_for_ten_admit_ten(storage: Storage) -> None:
    user = await a_funded_user(storage, ROOM * TOKENS)

    outcomes = await race(storage, [user] * CONTENDERS, limits(PLENTY, PLENTY))

    assert outcomes.count(None) == ROOM
    assert refusals(outcomes) == {InsufficientCredits}
    reader = storage.begin()
    balance = await reader.quota.balance(user, NOW, limits())
    await storage.end(reader)
    assert (balance.credits, balance.reserved) == (ROOM * TOKENS, ROOM * TOKENS)


@pytest.mark.timeout(60)
async def test_a_daily_limit_for_ten_admits_ten(storage: Storage) -> None:
    user = await a_funded_user(storage, PLENTY)

    outcomes = await race(storage, [user] * CONTENDERS, limits(ROOM * TOKENS, PLENTY))

    assert outcomes.count(None) == ROOM
    assert refusals(outcomes) == {DailyLimitReached}
    assert (await storage.begin().quota.balance(user, NOW, limits())).used_today == ROOM * TOKENS


@pytest.mark.timeout(60)
async def test_a_service_limit_for_ten_admits_ten_across_users(storage: Storage) -> None:
    users = [await a_funded_user(storage, PLENTY) for _ in range(CONTENDERS)]

    outcomes = await race(storage, users, limits(PLENTY, ROOM * TOKENS))

    assert outcomes.count(None) == ROOM
    assert refusals(outcomes) == {ServiceDailyLimitReached}
    assert await storage.begin().quota.used_today(NOW) == ROOM * TOKENS


@pytest.mark.timeout(60)
async def test_racing_reserves_settles_and_releases_keep_every_counter_in_step(
        storage: Storage) -> None:
    """Reservations of several users race the settlements and releases of earlier ones (the
    steps lock the same rows, in one order, so none deadlocks). Of every three calls one is
    settled at 50 tokens, one released and one left held."""
    users = [await a_funded_user(storage, PLENTY) for _ in range(4)]
    quota = limits(PLENTY, PLENTY)

    async def call(n: int) -> None:
        held = await committed(storage, lambda unit: unit.quota.reserve(
            users[n % len(users)], TOKENS, NOW, quota))
        if n % 3 == 0:
            assert await committed(storage, lambda unit: unit.quota.settle(
                held.id, a_usage(30, 20), NOW)) is True
        elif n % 3 == 1:
            assert await committed(storage, lambda unit: unit.quota.release(held.id, NOW))

    calls = range(CONTENDERS)
    await asyncio.gather(*(call(n) for n in calls))

    reader = storage.begin()
    for index, user in enumerate(users):
        mine = [n for n in calls if n % len(users) == index]
        settled = sum(1 for n in mine if n % 3 == 0)
        held = sum(1 for n in mine if n % 3 == 2)
        balance = await reader.quota.balance(user, NOW, quota)
        assert (balance.credits, balance.reserved, balance.used_today) == (
            PLENTY - 50 * settled, TOKENS * held, 50 * settled + TOKENS * held)
        assert sum(entry.delta for entry in await reader.quota.entries(user)) == (
            balance.credits)
    settled = sum(1 for n in calls if n % 3 == 0)
    held = sum(1 for n in calls if n % 3 == 2)
    assert await reader.quota.used_today(NOW) == 50 * settled + TOKENS * held
    await storage.end(reader)
