"""Checkout, webhook events and admin credit changes over the in-memory adapters."""

from uuid import UUID

import pytest
from tests.application.conftest import Run
from tests.application.sign_in_steps import sign_in
from tests.memory_container import WEBHOOK_SECRET, Fakes, memory_container, settings_for
from tests.stripe_events import checkout_event, other_event, refund_event
from tests.stripe_signing import signature_header

from adapters.memory.database import AUDIT_LOG, PAYMENTS, PROCESSED_EVENTS
from application.admin.adjust_credits import AdjustCredits, CreditAdjustment
from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.billing.get_balance import GetBalance
from application.billing.handle_payment_event import EventResult, HandlePaymentEvent
from application.billing.start_checkout import StartCheckout
from domain.errors import InvalidInput, NotFound, PermissionDenied
from domain.ids import UserId
from domain.payments import InvalidWebhookSignature, PaymentStatus, PaymentsUnavailable
from entrypoints.billing_config import DEFAULT_PACKS

PACK = DEFAULT_PACKS[0]


async def a_user(run, fakes, email="ada@example.com"):
    pair = await sign_in(run, fakes, email)
    return await run(Authenticate, pair.access_token)


async def credits(run, user) -> int:
    return (await run(GetBalance, user.id)).credits


async def deliver(run, fakes, payload: bytes) -> EventResult:
    header = signature_header(payload, WEBHOOK_SECRET, int(fakes.clock.now().timestamp()))
    return await run(HandlePaymentEvent, payload, header)


def status_of(fakes: Fakes, payment_id) -> PaymentStatus:
    return fakes.db.tables[PAYMENTS][payment_id].status


async def test_checkout_opens_a_pending_payment_and_a_page(run, fakes) -> None:
    user = await a_user(run, fakes)
    checkout = await run(StartCheckout, user.id, PACK.id)
    opened = fakes.gateway.opened[checkout.payment_id]
    assert checkout.checkout_url == opened.session.url
    assert opened.email == "ada@example.com" and opened.pack == PACK
    stored = fakes.db.tables[PAYMENTS][checkout.payment_id]
    assert (stored.status, stored.credits, stored.price) == (PaymentStatus.PENDING, PACK.credits,
                                                             PACK.price)
    assert stored.checkout_session_id == opened.session.id


async def test_an_unknown_pack_is_invalid_input_and_stores_nothing(run, fakes) -> None:
    user = await a_user(run, fakes)
    with pytest.raises(InvalidInput) as refused:
        await run(StartCheckout, user.id, "platinum")
    assert refused.value.field == "package_id" and "starter" in refused.value.message
    assert not fakes.db.tables[PAYMENTS]


async def test_payments_off_refuses_checkout_before_storing_anything() -> None:
    fakes = Fakes()
    container = memory_container(fakes, settings_for(stripe_secret_key=None))
    run = Run(container)
    user = await a_user(run, fakes)
    with pytest.raises(PaymentsUnavailable, match="not configured"):
        await run(StartCheckout, user.id, PACK.id)
    assert not fakes.db.tables[PAYMENTS] and not fakes.gateway.opened
    await container.close()


async def test_an_unreachable_provider_fails_the_payment(run, fakes) -> None:
    user = await a_user(run, fakes)
    fakes.gateway.unreachable = True
    with pytest.raises(PaymentsUnavailable):
        await run(StartCheckout, user.id, PACK.id)
    [payment] = fakes.db.tables[PAYMENTS].values()
    assert payment.status is PaymentStatus.FAILED


async def test_a_paid_checkout_credits_the_pack_once(run, fakes) -> None:
    user = await a_user(run, fakes)
    before = await credits(run, user)
    checkout = await run(StartCheckout, user.id, PACK.id)
    paid = checkout_event("evt_1", "checkout.session.completed",
                          payment_id=str(checkout.payment_id), amount=PACK.price.amount)
    assert await deliver(run, fakes, paid) is EventResult.APPLIED
    for _ in range(3):
        assert await deliver(run, fakes, paid) is EventResult.DUPLICATE
    assert await credits(run, user) == before + PACK.credits
    assert status_of(fakes, checkout.payment_id) is PaymentStatus.SUCCEEDED
    assert [e.action for e in fakes.db.tables[AUDIT_LOG].values()].count("payment.succeeded") == 1


async def test_a_refund_takes_the_credits_back_even_below_zero(run, fakes) -> None:
    user = await a_user(run, fakes)
    before = await credits(run, user)
    checkout = await run(StartCheckout, user.id, PACK.id)
    await deliver(run, fakes, checkout_event("evt_1", "checkout.session.completed",
                                             payment_id=str(checkout.payment_id),
                                             amount=PACK.price.amount, payment_intent="pi_9"))
    await run(AdjustCredits, await admin(run, fakes),
              CreditAdjustment(user_id=user.id, amount=-(before + PACK.credits - 10),
                               reason="spent"))
    result = await deliver(run, fakes, refund_event("evt_2", payment_intent="pi_9",
                                                    amount=PACK.price.amount))
    assert result is EventResult.APPLIED
    assert await credits(run, user) == 10 - PACK.credits
    assert status_of(fakes, checkout.payment_id) is PaymentStatus.REFUNDED


@pytest.mark.parametrize(("sequence", "final", "granted"), [
    (["refund", "paid"], PaymentStatus.REFUNDED, 0),
    (["expired", "paid"], PaymentStatus.FAILED, 0),
    (["paid", "async_failed"], PaymentStatus.SUCCEEDED, 1),
    (["paid", "expired", "refund", "paid"], PaymentStatus.REFUNDED, 0),
    (["unpaid", "async_paid"], PaymentStatus.SUCCEEDED, 1),
    (["unpaid", "async_failed", "async_paid"], PaymentStatus.FAILED, 0),
])
async def test_out_of_order_events_never_move_a_payment_back(run, fakes, sequence, final,
                                                             granted) -> None:
    user = await a_user(run, fakes)
    before = await credits(run, user)
    checkout = await run(StartCheckout, user.id, PACK.id)
    pid, amount = str(checkout.payment_id), PACK.price.amount
    payloads = {
        "paid": lambda n: checkout_event(n, "checkout.session.completed", payment_id=pid,
                                         amount=amount),
        "unpaid": lambda n: checkout_event(n, "checkout.session.completed", payment_id=pid,
                                           amount=amount, payment_status="unpaid"),
        "async_paid": lambda n: checkout_event(n, "checkout.session.async_payment_succeeded",
                                               payment_id=pid, amount=amount),
        "async_failed": lambda n: checkout_event(n, "checkout.session.async_payment_failed",
                                                 payment_id=pid, amount=amount,
                                                 payment_status="unpaid"),
        "expired": lambda n: checkout_event(n, "checkout.session.expired", payment_id=pid,
                                            amount=amount, payment_status="unpaid"),
        "refund": lambda n: refund_event(n, payment_id=pid, amount=amount),
    }
    for n, step in enumerate(sequence):
        await deliver(run, fakes, payloads[step](f"evt_{n}"))
    assert status_of(fakes, checkout.payment_id) is final
    assert await credits(run, user) == before + granted * PACK.credits


async def test_paid_after_failure_is_flagged_for_an_admin(run, fakes) -> None:
    user = await a_user(run, fakes)
    checkout = await run(StartCheckout, user.id, PACK.id)
    pid = str(checkout.payment_id)
    await deliver(run, fakes, checkout_event("evt_1", "checkout.session.expired", payment_id=pid,
                                             amount=PACK.price.amount, payment_status="unpaid"))
    await deliver(run, fakes, checkout_event("evt_2", "checkout.session.completed",
                                             payment_id=pid, amount=PACK.price.amount))
    actions = [e.action for e in fakes.db.tables[AUDIT_LOG].values()]
    assert "payment.paid_after_failure" in actions


async def test_a_payment_of_another_amount_grants_nothing(run, fakes) -> None:
    user = await a_user(run, fakes)
    before = await credits(run, user)
    checkout = await run(StartCheckout, user.id, PACK.id)
    result = await deliver(run, fakes, checkout_event(
        "evt_1", "checkout.session.completed", payment_id=str(checkout.payment_id), amount=1))
    assert result is EventResult.IGNORED
    assert await credits(run, user) == before
    assert status_of(fakes, checkout.payment_id) is PaymentStatus.PENDING
    assert "payment.amount_mismatch" in [e.action for e in fakes.db.tables[AUDIT_LOG].values()]


async def test_unknown_types_and_payments_are_recorded_and_ignored(run, fakes) -> None:
    assert await deliver(run, fakes, other_event("evt_1", "customer.created")) \
        is EventResult.IGNORED
    assert await deliver(run, fakes, refund_event("evt_2", payment_intent="pi_nobody",
                                                  amount=100)) is EventResult.IGNORED
    assert set(fakes.db.tables[PROCESSED_EVENTS]) == {"evt_1", "evt_2"}


async def test_a_bad_signature_writes_nothing(run, fakes) -> None:
    payload = other_event("evt_1", "customer.created")
    header = signature_header(payload, "whsec_wrong", int(fakes.clock.now().timestamp()))
    with pytest.raises(InvalidWebhookSignature):
        await run(HandlePaymentEvent, payload, header)
    assert not fakes.db.tables[PROCESSED_EVENTS]


async def admin(run, fakes):
    return await a_user(run, fakes, "boss@example.com")


async def test_admins_grant_and_remove_credits_with_an_audit_entry(run, fakes) -> None:
    user, boss = await a_user(run, fakes), await admin(run, fakes)
    before = await credits(run, user)
    balance = await run(AdjustCredits, boss, CreditAdjustment(user_id=user.id, amount=5_000,
                                                              reason="support goodwill"))
    assert balance.credits == before + 5_000
    [entry] = [e for e in fakes.db.tables[AUDIT_LOG].values()
               if e.action == "admin.credits_adjusted"]
    assert (entry.actor_id, entry.target) == (boss.id, f"user:{user.id}")
    assert entry.details == {"amount": 5_000, "reason": "support goodwill"}


async def test_only_admins_change_credits_and_only_with_a_reason(run, fakes) -> None:
    user, boss = await a_user(run, fakes), await admin(run, fakes)
    with pytest.raises(PermissionDenied):
        await run(AdjustCredits, user, CreditAdjustment(user_id=user.id, amount=10, reason="me"))
    for amount, reason in ((0, "nothing"), (10, "  ")):
        with pytest.raises(InvalidInput):
            await run(AdjustCredits, boss, CreditAdjustment(user_id=user.id, amount=amount,
                                                            reason=reason))
    with pytest.raises(NotFound):
        await run(AdjustCredits, boss, CreditAdjustment(user_id=UserId(UUID(int=1)),
                                                        amount=10, reason="ghost"))


async def test_an_erased_account_leaves_its_payments_anonymised(run, fakes) -> None:
    user = await a_user(run, fakes)
    checkout = await run(StartCheckout, user.id, PACK.id)
    await deliver(run, fakes, checkout_event("evt_1", "checkout.session.completed",
                                             payment_id=str(checkout.payment_id),
                                             amount=PACK.price.amount, payment_intent="pi_x"))
    await run(DeleteAccount, user.id)
    payment = fakes.db.tables[PAYMENTS][checkout.payment_id]
    assert payment.user_id is None and payment.status is PaymentStatus.SUCCEEDED
    result = await deliver(run, fakes, refund_event("evt_2", payment_intent="pi_x",
                                                    amount=PACK.price.amount))
    assert result is EventResult.APPLIED
    assert fakes.db.tables[PAYMENTS][checkout.payment_id].status is PaymentStatus.REFUNDED
