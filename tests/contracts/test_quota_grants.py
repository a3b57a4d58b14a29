"""QuotaLedger contract, granting and reading balances: in-memory, SQLite and PostgreSQL."""

import pytest
from tests.builders import NOW, minutes
from tests.contracts.quota_steps import LIMITS, MIDNIGHT, a_funded_user
from tests.contracts.storage import Storage, Unit

from domain.quota import Balance, InsufficientCredits, LedgerReason, LimitKind


async def test_grant_appends_an_entry_with_its_reason(storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 100)

    entry = await unit.quota.grant(user, 5_000, LedgerReason.PURCHASE, NOW + minutes(1),
                                   details={"payment": "pay_1", "pack": "large"})
    await unit.tx.commit()

    assert (entry.user_id, entry.delta, entry.reason) == (user, 5_000, LedgerReason.PURCHASE)
    assert (entry.at, entry.reservation_id) == (NOW + minutes(1), None)
    later = storage.begin()
    entries = await later.quota.entries(user)
    assert [(e.delta, e.reason) for e in entries] == [
        (100, LedgerReason.SIGNUP), (5_000, LedgerReason.PURCHASE)]
    assert entries[-1] == entry
    assert entries[0].details == {}
    assert (await later.quota.balance(user, NOW, LIMITS)).credits == 5_100


async def test_a_negative_grant_may_leave_a_debt_that_blocks_reserving(
        storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 100)

    await unit.quota.grant(user, -300, LedgerReason.REFUND, NOW)
    await unit.tx.commit()

    later = storage.begin()
    assert (await later.quota.balance(user, NOW, LIMITS)).credits == -200
    with pytest.raises(InsufficientCredits) as refused:
        await later.quota.reserve(user, 1, NOW, LIMITS)
    assert (refused.value.limit, refused.value.resets_at) == (LimitKind.CREDITS, None)


async def test_a_user_without_entries_holds_nothing(storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 0)

    assert await unit.quota.balance(user, NOW, LIMITS) == Balance(
        credits=0, reserved=0, daily_limit=1_000, used_today=0, resets_at=MIDNIGHT)
    assert await unit.quota.entries(user) == []
    assert await unit.quota.used_today(NOW) == 0
    with pytest.raises(InsufficientCredits):
        await unit.quota.reserve(user, 1, NOW, LIMITS)


async def test_entries_are_oldest_first(storage: Storage, unit: Unit) -> None:
    user = await a_funded_user(storage, 0)
    for n in (3, 1, 2):
        await unit.quota.grant(user, n, LedgerReason.GRANT, NOW + minutes(n))
    await unit.tx.commit()

    assert [entry.delta for entry in await unit.quota.entries(user)] == [1, 2, 3]
