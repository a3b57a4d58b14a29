"""PaymentRepository contract, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio
from dataclasses import replace
from uuid import uuid4

import pytest
from tests.builders import NOW, a_user, minutes
from tests.contracts.storage import Storage, Unit, given
from tests.payment_builders import a_payment

from domain.errors import Conflict, NotFound
from domain.ids import PaymentId
from domain.pages import PageRequest
from domain.payments import Money, Payment, PaymentStatus

SUCCEEDED, REFUNDED, FAILED = PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED, PaymentStatus.FAILED


async def test_a_payment_reads_back_whole(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    paid = a_payment(user=owner, price=Money(5_000_000_000, "usd"), credits=7_000_000_000,
                     status=SUCCEEDED, updated_at=NOW + minutes(3),
                     checkout_session_id="cs_test_1", payment_intent_id="pi_1")
    pending = a_payment(user=owner)
    await given(storage, owner, paid, pending)

    assert await unit.payments.get(owner.id, paid.id) == paid
    assert await unit.payments.get(owner.id, pending.id) == pending


async def test_a_missing_or_foreign_payment_is_not_found(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    payment = a_payment(user=alice)
    await given(storage, alice, bob, payment)

    with pytest.raises(NotFound):
        await unit.payments.get(bob.id, payment.id)
    with pytest.raises(NotFound):
        await unit.payments.get(alice.id, PaymentId(uuid4()))


async def test_save_stores_the_changed_payment(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    payment = a_payment(user=owner)
    await given(storage, owner, payment)
    changed = replace(payment.with_intent("pi_2", NOW + minutes(1)), status=SUCCEEDED)

    await unit.payments.save(changed)
    await unit.tx.commit()

    assert await storage.begin().payments.get(owner.id, payment.id) == changed
    with pytest.raises(NotFound):
        await storage.begin().payments.save(a_payment(user=owner))


async def test_lock_finds_any_owners_payment(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    alices, bobs = a_payment(user=alice, payment_intent_id="pi_a"), a_payment(user=bob)
    await given(storage, alice, bob, alices, bobs)

    assert await unit.payments.lock(bobs.id) == bobs
    assert await unit.payments.lock(PaymentId(uuid4())) is None
    assert await unit.payments.lock_by_intent("pi_a") == alices
    assert await unit.payments.lock_by_intent("pi_unknown") is None


async def test_list_pages_an_owners_payments_newest_first(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    payments = [a_payment(user=alice, created_at=NOW + minutes(n)) for n in (2, 0, 3, 1)]
    await given(storage, alice, bob, *payments, a_payment(user=bob))
    newest_first = sorted(payments, key=lambda p: p.created_at, reverse=True)

    first = await unit.payments.list(alice.id, PageRequest(limit=3))
    second = await unit.payments.list(alice.id, PageRequest(limit=3, offset=3))

    assert (first.items, second.items) == (tuple(newest_first[:3]), tuple(newest_first[3:]))
    assert (first.total, second.total, second.limit, second.offset) == (4, 4, 3, 3)


async def test_revenue_sums_succeeded_payments_per_currency(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    assert await unit.payments.revenue() == {}
    await given(storage, alice, bob, *(
        a_payment(user=user, price=Money(amount, currency), status=status)
        for user, amount, currency, status in [
            (alice, 900, "eur", SUCCEEDED), (bob, 4_000_000_000, "eur", SUCCEEDED),
            (alice, 500, "usd", SUCCEEDED), (bob, 700, "usd", REFUNDED),
            (alice, 300, "usd", FAILED), (bob, 200, "gbp", PaymentStatus.PENDING)]))

    revenue = await storage.begin().payments.revenue()

    assert revenue == {"eur": 4_000_000_900, "usd": 500}
    assert {type(amount) for amount in revenue.values()} == {int}


async def test_a_payment_intent_belongs_to_one_payment(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    other = a_payment(user=owner)
    await given(storage, owner, a_payment(user=owner, payment_intent_id="pi_1"), other)

    with pytest.raises(Conflict):
        await unit.payments.add(a_payment(user=owner, payment_intent_id="pi_1"))
    await unit.tx.rollback()
    with pytest.raises(Conflict):
        await unit.payments.save(other.with_intent("pi_1", NOW + minutes(1)))


async def test_uncommitted_changes_are_invisible_to_another_unit(storage: Storage) -> None:
    owner = a_user()
    payment = a_payment(user=owner)
    await given(storage, owner, payment)
    writer, reader = storage.begin(), storage.begin()

    await writer.payments.save(replace(payment, status=SUCCEEDED))
    added = a_payment(user=owner)
    await writer.payments.add(added)

    assert (await reader.payments.get(owner.id, payment.id)).status is PaymentStatus.PENDING
    with pytest.raises(NotFound):
        await reader.payments.get(owner.id, added.id)
    await writer.tx.rollback()


@pytest.mark.timeout(60)
async def test_a_lock_waits_for_the_holder_and_sees_its_change(storage: Storage) -> None:
    owner = a_user()
    payment = a_payment(user=owner)
    await given(storage, owner, payment)
    first, second = storage.begin(), storage.begin()
    locking = asyncio.Event()

    async def lock_in_second() -> Payment | None:
        locking.set()
        found = await second.payments.lock(payment.id)
        await second.tx.commit()
        return found

    assert await first.payments.lock(payment.id) == payment
    await first.payments.save(replace(payment, status=SUCCEEDED))
    waiting = asyncio.create_task(lock_in_second())
    await locking.wait()
    await asyncio.sleep(0.2)
    assert not waiting.done()
    await first.tx.commit()

    found = await asyncio.wait_for(waiting, 10)
    assert found is not None and found.status is SUCCEEDED


async def test_anonymise_detaches_only_that_users_payments(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    hers = a_payment(user=alice, status=SUCCEEDED, payment_intent_id="pi_h")
    his = a_payment(user=bob, status=SUCCEEDED)
    await given(storage, alice, bob, hers, his)

    await unit.payments.anonymise(alice.id)
    await unit.tx.commit()

    after = storage.begin()
    assert (await after.payments.list(alice.id, PageRequest())).total == 0
    assert await after.payments.lock_by_intent("pi_h") == replace(hers, user_id=None)
    assert await after.payments.get(bob.id, his.id) == his
    assert await after.payments.revenue() == {"eur": 2 * hers.price.amount}


async def test_all_of_lists_every_payment_of_the_owner_oldest_first(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    later = a_payment(user=alice, created_at=NOW + minutes(2), status=SUCCEEDED)
    earlier = a_payment(user=alice, created_at=NOW - minutes(3), status=FAILED)
    await given(storage, alice, bob, later, a_payment(user=bob), earlier)

    assert await unit.payments.all_of(alice.id) == [earlier, later]
    assert await unit.payments.all_of(a_user().id) == []
