"""PaddleEventReader on Paddle's subscription notifications and a subscription's transactions."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from tests.paddle_billing_events import (
    CUSTOMER_ID,
    OCCURRED_AT,
    PERIOD,
    PRICE_ID,
    SUBSCRIPTION_ID,
    TRANSACTION_ID,
    subscription_event,
    transaction_event,
)
from tests.paddle_events import transaction_event as pack_transaction_event
from tests.paddle_signing import paddle_signature

from adapters.paddle.events import PaddleEventReader
from domain.ids import PaymentId
from domain.payment_events import PaymentEvent
from domain.payments import Money, PaymentOutcome, UnreadableWebhookEvent
from domain.subscription_events import PaidInvoice, SubscriptionEvent
from domain.subscriptions import InvoiceLine, SubscriptionFact, SubscriptionStatus

SECRET = "pdl_ntfset_subscriptions_0123456789"
NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
PRO_PRICE = "pri_01gsz8x8sawmvhz1pv30pro000"


def read(payload: bytes) -> PaymentEvent | SubscriptionEvent:
    reader = PaddleEventReader([SECRET])
    return reader.read(payload, paddle_signature(payload, SECRET, int(NOW.timestamp())), NOW)


def subscription(payload: bytes) -> SubscriptionEvent:
    event = read(payload)
    assert isinstance(event, SubscriptionEvent)
    return event


@pytest.mark.parametrize("type", ["subscription.created", "subscription.updated",
                                  "subscription.activated", "subscription.resumed"])
def test_an_active_subscription_says_its_status_period_plan_and_customer(type):
    event = subscription(subscription_event("evt_1", type))

    assert event == SubscriptionEvent(
        id="evt_1", type=type, customer_ref=CUSTOMER_ID, subscription_ref=SUBSCRIPTION_ID,
        price_id=PRICE_ID,
        fact=SubscriptionFact(event_id="evt_1", at=OCCURRED_AT,
                              status=SubscriptionStatus.ACTIVE, period_start=PERIOD[0],
                              period_end=PERIOD[1], cancel_at_period_end=False))


@pytest.mark.parametrize(("paddle", "ours"), [
    ("trialing", SubscriptionStatus.ACTIVE), ("past_due", SubscriptionStatus.PAST_DUE),
    ("paused", SubscriptionStatus.PAUSED), ("canceled", SubscriptionStatus.CANCELED)])
def test_paddles_statuses_map_to_ours(paddle, ours):
    event = subscription(subscription_event("evt_2", f"subscription.{paddle}", status=paddle))

    assert event.fact.status is ours


def test_an_unknown_status_says_no_status_but_the_rest():
    event = subscription(subscription_event("evt_3", status="someday"))

    assert event.fact.status is None
    assert event.fact.period_end == PERIOD[1]


def test_a_scheduled_cancel_cancels_at_the_period_end_and_other_changes_do_not():
    cancel = subscription(subscription_event("evt_4", scheduled_change="cancel"))
    pause = subscription(subscription_event("evt_5", scheduled_change="pause"))

    assert cancel.fact.cancel_at_period_end is True
    assert pause.fact.cancel_at_period_end is False


def test_a_canceled_subscription_ended_when_it_was_canceled_and_has_no_period():
    ended = OCCURRED_AT - timedelta(hours=2)
    event = subscription(subscription_event("evt_6", "subscription.canceled", status="canceled",
                                            period=None, canceled_at=ended))

    assert event.fact == SubscriptionFact(event_id="evt_6", at=ended,
                                          status=SubscriptionStatus.CANCELED,
                                          cancel_at_period_end=False)


def test_a_cancel_reported_before_it_was_stamped_keeps_the_events_moment():
    event = subscription(subscription_event("evt_7", "subscription.canceled", status="canceled",
                                            canceled_at=OCCURRED_AT + timedelta(days=1)))

    assert event.fact.at == OCCURRED_AT


def test_the_moment_of_a_fact_is_when_it_occurred_in_any_offset():
    payload = subscription_event("evt_8").replace(b'"occurred_at": "2026-01-01T10:00:00.000000Z"',
                                                  b'"occurred_at": "2026-01-01T11:00:00+01:00"')

    assert subscription(payload).fact.at == OCCURRED_AT


@pytest.mark.parametrize("type", ["transaction.completed", "transaction.paid"])
def test_a_subscriptions_paid_transaction_pays_its_lines_for_its_period(type):
    event = subscription(transaction_event("evt_9", type, lines=[(PRICE_ID, 1000)]))

    assert event == SubscriptionEvent(
        id="evt_9", type=type, customer_ref=CUSTOMER_ID, subscription_ref=SUBSCRIPTION_ID,
        fact=SubscriptionFact(event_id="evt_9", at=OCCURRED_AT,
                              status=SubscriptionStatus.ACTIVE),
        invoice=PaidInvoice(ref=TRANSACTION_ID, paid=Money(1000, "eur"),
                            lines=(InvoiceLine(price_id=PRICE_ID, amount=1000),),
                            period_end=PERIOD[1], payment_intent_id=TRANSACTION_ID))


def test_a_prorated_upgrade_keeps_the_credit_for_unused_time_negative():
    event = subscription(transaction_event("evt_10", lines=[(PRICE_ID, -500), (PRO_PRICE, 1000)],
                                           prorated=True, currency_code="USD"))

    assert event.invoice is not None
    assert event.invoice.lines == (InvoiceLine(price_id=PRICE_ID, amount=-500),
                                   InvoiceLine(price_id=PRO_PRICE, amount=1000))
    assert event.invoice.paid == Money(500, "usd")


def test_a_failed_renewal_makes_the_subscription_past_due():
    event = subscription(transaction_event("evt_11", "transaction.payment_failed"))

    assert event == SubscriptionEvent(
        id="evt_11", type="transaction.payment_failed", customer_ref=CUSTOMER_ID,
        subscription_ref=SUBSCRIPTION_ID,
        fact=SubscriptionFact(event_id="evt_11", at=OCCURRED_AT,
                              status=SubscriptionStatus.PAST_DUE))


def test_a_packs_transaction_is_still_a_payment_event():
    payment = PaymentId(UUID(int=5))
    event = read(pack_transaction_event("evt_12", "transaction.completed", payment_id=payment))

    assert isinstance(event, PaymentEvent)
    assert (event.outcome, event.payment_id) == (PaymentOutcome.PAID, payment)


def test_a_canceled_transaction_of_a_subscription_is_only_its_id_and_type():
    event = read(transaction_event("evt_13", "transaction.canceled"))

    assert event == PaymentEvent(id="evt_13", type="transaction.canceled")


def test_an_event_without_a_moment_is_as_of_its_delivery():
    payload = subscription_event("evt_14").replace(
        b'"occurred_at": "2026-01-01T10:00:00.000000Z", ', b"")

    assert subscription(payload).fact.at == NOW


@pytest.mark.parametrize("payload", [
    subscription_event("evt_15", subscription_id="sub_\x00"),
    subscription_event("evt_16").replace(b'"status": "active", "customer_id"',
                                         b'"status": 7, "customer_id"'),
    subscription_event("evt_17").replace(b'"2026-02-01T10:00:00.000000Z"', b'"next month"'),
    subscription_event("evt_18").replace(b'"2026-01-01T10:00:00.000000Z"', b'"2026-01-01"'),
    transaction_event("evt_19").replace(b'"subtotal": "1000"', b'"subtotal": "ten"'),
    transaction_event("evt_20").replace(b'"grand_total": "1000"', b'"grand_total": "-1"'),
    transaction_event("evt_21", currency_code="EURO"),
    transaction_event("evt_22").replace(b'"details": {', b'"details": null, "x": {'),
], ids=["nul", "status", "period", "naive-time", "line", "total", "currency", "no-totals"])
def test_bad_values_are_unreadable(payload):
    with pytest.raises(UnreadableWebhookEvent):
        read(payload)


def test_unknown_fields_are_ignored():
    payload = subscription_event("evt_23")
    payload = payload[:-2] + b', "new_field": {"nested": [1]}}}'

    assert subscription(payload).fact.status is SubscriptionStatus.ACTIVE
