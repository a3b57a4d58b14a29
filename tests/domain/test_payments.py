"""The payment state machine: forward only, and credits that follow the state."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.ids import PaymentId, UserId
from domain.payment_events import PaymentEvent
from domain.payments import CreditPack, Money, Payment, PaymentOutcome, PaymentStatus

NOW = datetime(2026, 5, 1, tzinfo=UTC)
PACK = CreditPack(id="starter", name="Starter", credits=300_000, price=Money(499, "eur"))
ORDER = {PaymentStatus.PENDING: 0, PaymentStatus.FAILED: 1, PaymentStatus.SUCCEEDED: 1,
         PaymentStatus.REFUNDED: 2}


def a_payment() -> Payment:
    return Payment.open(id=PaymentId(UUID(int=1)), user_id=UserId(UUID(int=2)), pack=PACK,
                        now=NOW)


@pytest.mark.parametrize(("outcomes", "status", "credits"), [
    ([PaymentOutcome.PAID], PaymentStatus.SUCCEEDED, [300_000]),
    ([PaymentOutcome.FAILED], PaymentStatus.FAILED, [0]),
    ([PaymentOutcome.PAID, PaymentOutcome.REFUNDED], PaymentStatus.REFUNDED, [300_000, -300_000]),
    ([PaymentOutcome.REFUNDED, PaymentOutcome.PAID], PaymentStatus.REFUNDED, [0, None]),
    ([PaymentOutcome.FAILED, PaymentOutcome.PAID], PaymentStatus.FAILED, [0, None]),
    ([PaymentOutcome.PAID, PaymentOutcome.FAILED], PaymentStatus.SUCCEEDED, [300_000, None]),
    ([PaymentOutcome.PAID, PaymentOutcome.PAID], PaymentStatus.SUCCEEDED, [300_000, None]),
    ([PaymentOutcome.FAILED, PaymentOutcome.REFUNDED], PaymentStatus.FAILED, [0, None]),
])
def test_outcomes_in_any_order(outcomes, status, credits) -> None:
    payment, moved = a_payment(), []
    for n, outcome in enumerate(outcomes):
        change = payment.settle(outcome, NOW + timedelta(minutes=n + 1))
        moved.append(None if change is None else change.credits)
        if change is not None:
            payment = change.payment
    assert payment.status is status and moved == credits


@given(st.lists(st.sampled_from(PaymentOutcome), max_size=12))
def test_never_backwards_and_credits_follow_the_state(outcomes) -> None:
    payment, total = a_payment(), 0
    for outcome in outcomes:
        change = payment.settle(outcome, NOW)
        if change is None:
            continue
        assert ORDER[change.payment.status] > ORDER[payment.status]
        payment, total = change.payment, total + change.credits
    assert total == (PACK.credits if payment.status is PaymentStatus.SUCCEEDED else 0)


def test_an_event_must_pay_the_payments_price() -> None:
    payment = a_payment()
    assert PaymentEvent(id="e", type="t", paid=Money(499, "eur")).pays_for(payment)
    assert PaymentEvent(id="e", type="t").pays_for(payment)
    assert not PaymentEvent(id="e", type="t", paid=Money(499, "usd")).pays_for(payment)
    assert not PaymentEvent(id="e", type="t", paid=Money(1, "eur")).pays_for(payment)


@pytest.mark.parametrize(("amount", "currency"), [(-1, "eur"), (1, "EUR"), (1, "euro")])
def test_money_checks_itself(amount, currency) -> None:
    with pytest.raises(InvalidInput):
        Money(amount, currency)


@pytest.mark.parametrize("changes", [{"id": "Bad Id"}, {"name": " "}, {"credits": 0},
                                     {"price": Money(0, "eur")}])
def test_packs_check_themselves(changes) -> None:
    fields = {"id": "ok", "name": "Ok", "credits": 1, "price": Money(1, "eur"), **changes}
    with pytest.raises(InvalidInput):
        CreditPack(**fields)
