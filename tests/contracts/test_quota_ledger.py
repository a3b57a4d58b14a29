"""QuotaLedger contract, reserving against the limits: in-memory, SQLite and PostgreSQL."""

import asyncio
from datetime import datetime, timedelta

import pytest
from tests.builders import NOW, minutes
from tests.contracts.quota_steps import (
    LIMITS,
    MIDNIGHT,
    PLENTY,
    a_funded_user,
    a_usage,
    committed,
    limits,
)
from tests.contracts.storage import Storage, Unit

from domain.quota import (
    RESERVATION_TTL,
    Balance,
    DailyLimitReached,
    InsufficientCredits,
    LedgerReason,
    LimitKind,
    QuotaExceeded,
    ServiceDailyLimitReached,
)


async def test_a_reservation_holds_its_tokens(storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 1_000)

    reservation = await unit.quota.reserve(user, 300, NOW, LIMITS, ttl_s=60)
    await unit.tx.commit()

    assert (reservation.user_id, reservation.tokens, reservation.day) == (user, 300, NOW.date())
    assert reservation.created_at == NOW
    assert reservation.expires_at == NOW + timedelta(seconds=60)
    later = storage.begin()
    assert await later.quota.balance(user, NOW, LIMITS) == Balance(
        credits=1_000, reserved=300, daily_limit=1_000, used_today=300, resets_at=MIDNIGHT)
    assert await later.quota.used_today(NOW) == 300
    assert [entry.reason for entry in await later.quota.entries(user)] == [LedgerReason.SIGNUP]


async def test_by_default_a_hold_lasts_fifteen_minutes(storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 1_000)

    reservation = await unit.quota.reserve(user, 10, NOW, LIMITS)

    assert reservation.expires_at == NOW + RESERVATION_TTL


@pytest.mark.parametrize(("credits", "daily", "service", "error", "kind", "resets"), [
    (100, 50, 50, InsufficientCredits, LimitKind.CREDITS, None),
    (PLENTY, 100, 100, DailyLimitReached, LimitKind.DAILY, MIDNIGHT),
    (PLENTY, 1_000, 100, ServiceDailyLimitReached, LimitKind.GLOBAL_DAILY, MIDNIGHT),
])
async def test_the_first_limit_broken_refuses_and_nothing_is_held(
        storage: Storage, unit: Unit, credits: int, daily: int, service: int,
        error: type[QuotaExceeded], kind: LimitKind, resets: datetime | None) -> None:
    user = await a_funded_user(storage, credits)

    with pytest.raises(error) as refused:
        await unit.quota.reserve(user, 200, NOW, limits(daily, service))

    assert type(refused.value) is error
    assert (refused.value.limit, refused.value.resets_at) == (kind, resets)
    await unit.tx.rollback()
    balance = await unit.quota.balance(user, NOW, LIMITS)
    assert (balance.credits, balance.reserved, balance.used_today) == (credits, 0, 0)


async def test_holds_count_against_credits_and_the_days_limits(storage: Storage) -> None:
    alice, bob = await a_funded_user(storage, 1_000), await a_funded_user(storage, PLENTY)
    tight = limits(daily=900, service=1_500)
    await committed(storage, lambda unit: unit.quota.reserve(alice, 600, NOW, tight))
    await committed(storage, lambda unit: unit.quota.reserve(bob, 800, NOW, tight))

    for user, tokens, error in [(alice, 401, InsufficientCredits),
                                (bob, 101, DailyLimitReached),
                                (alice, 101, ServiceDailyLimitReached)]:
        unit = storage.begin()
        with pytest.raises(error):
            await unit.quota.reserve(user, tokens, NOW, tight)
        await unit.tx.rollback()
    assert (await committed(storage, lambda unit: unit.quota.reserve(
        alice, 100, NOW, tight))).tokens == 100


async def test_holds_of_the_callers_own_transaction_count(storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 1_000)
    await unit.quota.reserve(user, 600, NOW, LIMITS)

    with pytest.raises(InsufficientCredits):
        await unit.quota.reserve(user, 500, NOW, LIMITS)


@pytest.mark.parametrize("tokens", [0, -5])
async def test_a_reservation_holds_a_positive_number_of_tokens(
        storage: Storage, unit: Unit, tokens: int) -> None:
    user = await a_funded_user(storage, 1_000)

    with pytest.raises(ValueError, match="positive"):
        await unit.quota.reserve(user, tokens, NOW, LIMITS)


@pytest.mark.parametrize("ends", ["commit", "rollback"])
async def test_a_hold_counts_for_others_once_committed(storage: Storage, ends: str) -> None:
    user = await a_funded_user(storage, PLENTY)
    first, second = storage.begin(), storage.begin()
    await first.quota.reserve(user, 700, NOW, LIMITS)

    assert (await second.quota.balance(user, NOW, LIMITS)).reserved == 0
    assert await second.quota.used_today(NOW) == 0
    await second.tx.rollback()
    waiting = asyncio.create_task(second.quota.reserve(user, 500, NOW, LIMITS))
    await asyncio.sleep(0.2)
    assert not waiting.done(), "a concurrent reservation must wait for the first to end"
    await (first.tx.commit() if ends == "commit" else first.tx.rollback())

    if ends == "commit":
        with pytest.raises(DailyLimitReached):
            await waiting
    else:
        assert (await waiting).tokens == 500


async def test_a_new_day_frees_the_daily_limit_but_not_spent_credits(storage: Storage) -> None:
    user = await a_funded_user(storage, 1_500)
    held = await committed(storage, lambda unit: unit.quota.reserve(user, 800, NOW, LIMITS))
    await committed(storage, lambda unit: unit.quota.settle(held.id, a_usage(500, 300), NOW))
    unit = storage.begin()
    with pytest.raises(DailyLimitReached):
        await unit.quota.reserve(user, 201, NOW + minutes(60), LIMITS)
    await unit.tx.rollback()

    await committed(storage, lambda unit: unit.quota.reserve(user, 700, MIDNIGHT, LIMITS))

    later = storage.begin()
    with pytest.raises(InsufficientCredits):
        await later.quota.reserve(user, 1, MIDNIGHT, LIMITS)
    balance = await later.quota.balance(user, MIDNIGHT, LIMITS)
    assert (balance.credits, balance.reserved, balance.used_today) == (700, 700, 700)
    assert balance.resets_at == MIDNIGHT + timedelta(days=1)
    assert (await later.quota.balance(user, NOW, LIMITS)).used_today == 800
    assert (await later.quota.used_today(NOW), await later.quota.used_today(MIDNIGHT)) == (
        800, 700)


async def test_balance_figures_are_integers(storage: Storage, unit: Unit) -> None:
    """Not Decimals (PostgreSQL sums bigints as numerics): JSON would turn them into strings."""
    user = await a_funded_user(storage, 1_000)
    reservation = await unit.quota.reserve(user, 300, NOW, LIMITS)
    await unit.quota.settle(reservation.id, a_usage(100), NOW)
    await unit.tx.commit()

    reader = storage.begin()
    balance = await reader.quota.balance(user, NOW, LIMITS)
    await storage.end(reader)
    figures = (balance.credits, balance.reserved, balance.daily_limit, balance.used_today)
    assert [type(figure) for figure in figures] == [int] * 4
