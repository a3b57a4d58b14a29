"""QuotaLedger contract, ending holds (settle, release, expire): in-memory, SQLite, PostgreSQL."""

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import uuid4

from tests.builders import NOW, minutes
from tests.contracts.quota_steps import LIMITS, a_funded_user, a_usage, committed
from tests.contracts.storage import Storage, Unit

from domain.ids import ReservationId, UserId
from domain.quota import LedgerReason, Reservation


async def a_hold(storage: Storage, tokens: int, credits: int = 1_000, at: datetime = NOW,
                 ttl_s: int = 900) -> Reservation:
    user = await a_funded_user(storage, credits)
    return await committed(
        storage, lambda unit: unit.quota.reserve(user, tokens, at, LIMITS, ttl_s=ttl_s))


async def holding(unit: Unit, user: UserId, at: datetime = NOW) -> tuple[int, int, int]:
    """Credits, reserved and used today."""
    balance = await unit.quota.balance(user, at, LIMITS)
    return balance.credits, balance.reserved, balance.used_today


async def test_settle_charges_the_real_usage_and_frees_the_rest(
        storage: Storage, unit: Unit) -> None:
    held = await a_hold(storage, 500)

    assert await unit.quota.settle(held.id, a_usage(200, 100), NOW + minutes(1)) is True
    await unit.tx.commit()

    later = storage.begin()
    assert await holding(later, held.user_id) == (700, 0, 300)
    assert await later.quota.used_today(NOW) == 300
    charge = (await later.quota.entries(held.user_id))[-1]
    assert (charge.delta, charge.reason, charge.reservation_id) == (
        -300, LedgerReason.USAGE, held.id)
    assert charge.at == NOW + minutes(1)
    assert charge.details == {"model": "tesigo-test", "prompt_tokens": 200,
                              "completion_tokens": 100, "latency_ms": 1_234, "charged": 300}


async def test_settle_charges_no_more_than_was_reserved(storage: Storage, unit: Unit) -> None:
    held = await a_hold(storage, 300)

    assert await unit.quota.settle(held.id, a_usage(250, 200), NOW) is True
    await unit.tx.commit()

    later = storage.begin()
    assert await holding(later, held.user_id) == (700, 0, 300)
    charge = (await later.quota.entries(held.user_id))[-1]
    assert (charge.delta, charge.details["charged"]) == (-300, 300)


async def test_a_reservation_is_settled_once(storage: Storage, unit: Unit) -> None:
    held = await a_hold(storage, 500)
    assert await unit.quota.settle(held.id, a_usage(), NOW) is True
    assert await unit.quota.settle(held.id, a_usage(), NOW) is False
    await unit.tx.commit()

    later = storage.begin()
    assert await later.quota.settle(held.id, a_usage(), NOW) is False
    assert await later.quota.release(held.id, NOW) is False
    await later.tx.commit()

    assert await holding(later, held.user_id) == (700, 0, 300)
    usage = [e for e in await later.quota.entries(held.user_id)
             if e.reason is LedgerReason.USAGE]
    assert len(usage) == 1


async def test_two_racing_settlements_charge_once(storage: Storage) -> None:
    held = await a_hold(storage, 500)

    outcomes = await asyncio.gather(*(committed(storage, lambda unit: unit.quota.settle(
        held.id, a_usage(), NOW)) for _ in range(2)))

    assert sorted(outcomes) == [False, True]
    later = storage.begin()
    assert await holding(later, held.user_id) == (700, 0, 300)


async def test_settled_usage_counts_towards_the_day_of_the_reservation(
        storage: Storage, unit: Unit) -> None:
    before_midnight = datetime(2025, 3, 1, 23, 59, tzinfo=UTC)
    after_midnight = before_midnight + minutes(2)
    held = await a_hold(storage, 500, at=before_midnight)

    await unit.quota.settle(held.id, a_usage(), after_midnight)
    await unit.tx.commit()

    later = storage.begin()
    assert await holding(later, held.user_id, before_midnight) == (700, 0, 300)
    assert await holding(later, held.user_id, after_midnight) == (700, 0, 0)
    assert (await later.quota.used_today(before_midnight),
            await later.quota.used_today(after_midnight)) == (300, 0)


async def test_release_frees_a_hold_without_charging(storage: Storage, unit: Unit) -> None:
    held = await a_hold(storage, 500)

    assert await unit.quota.release(held.id, NOW) is True
    assert await unit.quota.release(held.id, NOW) is False
    assert await unit.quota.settle(held.id, a_usage(), NOW) is False
    await unit.tx.commit()

    later = storage.begin()
    assert await holding(later, held.user_id) == (1_000, 0, 0)
    assert await later.quota.used_today(NOW) == 0
    entries = await later.quota.entries(held.user_id)
    assert [entry.reason for entry in entries] == [LedgerReason.SIGNUP]


async def test_an_unknown_reservation_is_neither_settled_nor_released(
        storage: Storage, unit: Unit) -> None:
    held = await a_hold(storage, 500)
    unknown = ReservationId(uuid4())

    assert await unit.quota.settle(unknown, a_usage(), NOW) is False
    assert await unit.quota.release(unknown, NOW) is False
    await unit.tx.commit()

    assert await holding(unit, held.user_id) == (1_000, 500, 500)


async def test_expire_stale_frees_only_holds_whose_time_ran_out(
        storage: Storage, unit: Unit) -> None:
    short, long = await a_hold(storage, 100, ttl_s=60), await a_hold(storage, 200, ttl_s=600)
    ran_out = NOW + timedelta(seconds=60)

    assert await unit.quota.expire_stale(ran_out - timedelta(microseconds=1)) == 0
    assert await unit.quota.expire_stale(ran_out) == 1
    assert await unit.quota.expire_stale(ran_out) == 0
    await unit.tx.commit()

    later = storage.begin()
    assert await holding(later, short.user_id) == (1_000, 0, 0)
    assert await holding(later, long.user_id) == (1_000, 200, 200)
    assert await later.quota.used_today(NOW) == 200
    assert await later.quota.settle(short.id, a_usage(), ran_out) is False
    assert await later.quota.release(short.id, ran_out) is False
    assert await later.quota.settle(long.id, a_usage(), ran_out) is True


async def test_expire_stale_frees_every_users_holds(storage: Storage, unit: Unit) -> None:
    holds = [await a_hold(storage, 100 * n, ttl_s=60) for n in (1, 2, 3)]

    assert await unit.quota.expire_stale(NOW + minutes(5)) == 3
    await unit.tx.commit()

    assert await unit.quota.used_today(NOW) == 0
    for held in holds:
        assert await holding(unit, held.user_id) == (1_000, 0, 0)
