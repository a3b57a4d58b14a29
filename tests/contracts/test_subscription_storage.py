"""BillingCustomers and SubscriptionRepository contracts, and the payment queries of plans'
periods, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio
from dataclasses import replace

import pytest
from tests.builders import NOW, a_user, minutes
from tests.contracts.storage import Storage, Unit, given
from tests.payment_builders import a_payment

from domain.errors import Conflict
from domain.payments import PaymentStatus
from domain.subscriptions import Subscription, SubscriptionFact, SubscriptionStatus

ACTIVE, CANCELED = SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED


def a_subscription(user, ref: str = "sub_1", *, status=ACTIVE, plan: str = "pro",
                   at=NOW) -> Subscription:
    fact = SubscriptionFact(event_id=f"evt_{ref}", at=at, status=status, plan_id=plan,
                            period_start=at, period_end=at + minutes(60 * 24 * 30),
                            cancel_at_period_end=False)
    return Subscription.start(user_id=user.id, provider="stripe", ref=ref,
                              now=at).merge(fact, at)


async def test_a_customer_is_mapped_once_both_ways(storage: Storage, unit: Unit) -> None:
    ada, bob = a_user(), a_user()
    await given(storage, ada, bob)
    await unit.customers.add("stripe", ada.id, "cus_1", NOW)
    await unit.tx.commit()

    again = storage.begin()
    assert await again.customers.ref_of("stripe", ada.id) == "cus_1"
    assert await again.customers.ref_of("stripe", bob.id) is None
    assert await again.customers.ref_of("paddle", ada.id) is None
    assert await again.customers.lock_user_of("stripe", "cus_1") == ada.id
    assert await again.customers.lock_user_of("stripe", "cus_2") is None
    await again.tx.rollback()
    for user, ref in ((ada.id, "cus_2"), (bob.id, "cus_1")):
        unit = storage.begin()
        with pytest.raises(Conflict):
            await unit.customers.add("stripe", user, ref, NOW)
        await unit.tx.rollback()


async def test_a_locked_customer_waits_for_the_holder(storage: Storage, unit: Unit) -> None:
    if storage.name == "sqlite":
        pytest.skip("SQLite's writers take turns on the whole database")
    ada = a_user()
    await given(storage, ada)
    await unit.customers.add("stripe", ada.id, "cus_1", NOW)
    await unit.tx.commit()
    first, second = storage.begin(), storage.begin()
    order: list[str] = []
    await first.customers.lock_user_of("stripe", "cus_1")

    async def later() -> None:
        await second.customers.lock_user_of("stripe", "cus_1")
        order.append("second")
        await second.tx.rollback()

    waiting = asyncio.create_task(later())
    await asyncio.sleep(0.2)
    order.append("first")
    await first.tx.rollback()
    await waiting
    assert order == ["first", "second"]


async def test_forget_unmaps_a_user(storage: Storage, unit: Unit) -> None:
    ada = a_user()
    await given(storage, ada)
    await unit.customers.add("stripe", ada.id, "cus_1", NOW)
    await unit.tx.commit()
    forget = storage.begin()
    await forget.customers.forget(ada.id)
    await forget.tx.commit()

    after = storage.begin()
    assert await after.customers.ref_of("stripe", ada.id) is None
    assert await after.customers.lock_user_of("stripe", "cus_1") is None


async def test_a_subscription_reads_back_whole_and_put_replaces_it(storage: Storage,
                                                                   unit: Unit) -> None:
    ada = a_user()
    await given(storage, ada)
    subscription = a_subscription(ada)
    await unit.subscriptions.put(subscription)
    await unit.tx.commit()
    assert await storage.begin().subscriptions.get("stripe", "sub_1") == subscription

    ended = subscription.merge(SubscriptionFact(event_id="evt_end", at=NOW + minutes(5),
                                                status=CANCELED), NOW + minutes(5))
    change = storage.begin()
    await change.subscriptions.put(ended)
    await change.tx.commit()
    stored = await storage.begin().subscriptions.get("stripe", "sub_1")
    assert stored == ended and stored.state.ended_at == NOW + minutes(5)
    assert await storage.begin().subscriptions.get("paddle", "sub_1") is None


async def test_current_prefers_the_live_subscription(storage: Storage, unit: Unit) -> None:
    ada, bob = a_user(), a_user()
    await given(storage, ada, bob)
    old = a_subscription(ada, "sub_old", at=NOW + minutes(10))
    old = old.merge(SubscriptionFact(event_id="e", at=NOW + minutes(20), status=CANCELED),
                    NOW + minutes(20))
    live = a_subscription(ada, "sub_live", at=NOW)
    for subscription in (old, live):
        await unit.subscriptions.put(subscription)
    await unit.tx.commit()

    reader = storage.begin()
    assert (await reader.subscriptions.current(ada.id)).ref == "sub_live"
    assert await reader.subscriptions.current(bob.id) is None


async def test_active_by_plan_counts_only_active_ones(storage: Storage, unit: Unit) -> None:
    users = [a_user() for _ in range(4)]
    await given(storage, *users)
    for n, (status, plan) in enumerate([(ACTIVE, "pro"), (ACTIVE, "pro"), (ACTIVE, "lite"),
                                        (SubscriptionStatus.PAST_DUE, "pro")]):
        await unit.subscriptions.put(a_subscription(users[n], f"sub_{n}", status=status,
                                                    plan=plan))
    await unit.tx.commit()
    assert await storage.begin().subscriptions.active_by_plan() == {"pro": 2, "lite": 1}


async def test_anonymise_detaches_subscriptions(storage: Storage, unit: Unit) -> None:
    ada = a_user()
    await given(storage, ada)
    await unit.subscriptions.put(a_subscription(ada))
    await unit.tx.commit()
    anonymise = storage.begin()
    await anonymise.subscriptions.anonymise(ada.id)
    await anonymise.tx.commit()
    stored = await storage.begin().subscriptions.get("stripe", "sub_1")
    assert stored is not None and stored.user_id is None


async def test_a_period_is_found_by_invoice_and_expires_once_due(storage: Storage,
                                                                unit: Unit) -> None:
    ada = a_user()
    due = a_payment(user=ada, status=PaymentStatus.SUCCEEDED, invoice_ref="in_1",
                    period_end=NOW + minutes(1))
    later = a_payment(user=ada, status=PaymentStatus.SUCCEEDED, invoice_ref="in_2",
                      period_end=NOW + minutes(90))
    swept = a_payment(user=ada, status=PaymentStatus.SUCCEEDED, invoice_ref="in_3",
                      period_end=NOW, expired_credits=0)
    refunded = a_payment(user=ada, status=PaymentStatus.REFUNDED, invoice_ref="in_4",
                         period_end=NOW)
    pack = a_payment(user=ada, status=PaymentStatus.SUCCEEDED)
    await given(storage, ada, due, later, swept, refunded, pack)

    assert await unit.payments.by_invoice("in_1") == due
    assert await unit.payments.by_invoice("in_9") is None
    assert await unit.payments.expiring(NOW + minutes(60), 10) == [due]
    assert await unit.payments.expiring(NOW + minutes(90), 10) == [due, later]
    assert await unit.payments.expiring(NOW + minutes(90), 1) == [due]
    await unit.payments.save(due.with_expired(7, NOW + minutes(2)))
    await unit.tx.commit()
    assert await storage.begin().payments.expiring(NOW + minutes(90), 10) == [later]

    twice = storage.begin()
    with pytest.raises(Conflict):
        await twice.payments.add(replace(a_payment(user=ada), invoice_ref="in_1"))


async def test_a_refund_finds_the_period_its_intent_was_linked_to(storage: Storage,
                                                                 unit: Unit) -> None:
    ada = a_user()
    period = a_payment(user=ada, status=PaymentStatus.SUCCEEDED, invoice_ref="in_1",
                       period_end=NOW + minutes(60))
    await given(storage, ada)
    await unit.payments.link_intent("in_1", "pi_1", NOW)  # before the period's payment
    await unit.payments.link_intent("in_1", "pi_1", NOW)
    await unit.tx.commit()
    early = storage.begin()
    assert await early.payments.lock_by_intent("pi_1") is None
    await early.tx.rollback()
    await given(storage, period)

    found = storage.begin()
    assert await found.payments.lock_by_intent("pi_1") == period
    assert await found.payments.lock_by_intent("pi_2") is None
    await found.tx.rollback()
