from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from tests.paddle_events import TRANSACTION_ID, adjustment_event, notification, transaction_event
from tests.paddle_signing import paddle_signature

from adapters.paddle.events import PaddleEventReader
from domain.ids import PaymentId
from domain.payment_events import PaymentEvent
from domain.payments import (
    InvalidWebhookSignature,
    Money,
    PaymentOutcome,
    PaymentsUnavailable,
    UnreadableWebhookEvent,
)

SECRET, OLD_SECRET = "pdl_ntfset_current_0123456789abcdef", "pdl_ntfset_previous_0123456789ab"
NOW = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
T = int(NOW.timestamp())
PAYMENT = PaymentId(UUID("00000000-0000-4000-8000-0000000000aa"))


@pytest.fixture
def reader() -> PaddleEventReader:
    return PaddleEventReader([SECRET])


def read(reader: PaddleEventReader, payload: bytes) -> PaymentEvent:
    return reader.read(payload, paddle_signature(payload, SECRET, T), NOW)


@pytest.mark.parametrize("type", ["transaction.completed", "transaction.paid"])
def test_a_paid_transaction_is_paid_for_its_grand_total(reader, type):
    event = read(reader, transaction_event("evt_01paid", type, payment_id=PAYMENT,
                                           grand_total="500", currency_code="EUR"))

    assert event == PaymentEvent(id="evt_01paid", type=type, outcome=PaymentOutcome.PAID,
                                 payment_id=PAYMENT, payment_intent_id=TRANSACTION_ID,
                                 paid=Money(500, "eur"))


def test_the_grand_total_is_what_was_paid_not_the_subtotal(reader):
    event = read(reader, transaction_event("evt_1", "transaction.completed",
                                           payment_id=PAYMENT, grand_total="1299",
                                           currency_code="USD"))

    assert event.paid == Money(1299, "usd")


def test_a_canceled_transaction_fails(reader):
    event = read(reader, transaction_event("evt_2", "transaction.canceled", payment_id=PAYMENT))

    assert event == PaymentEvent(id="evt_2", type="transaction.canceled",
                                 outcome=PaymentOutcome.FAILED, payment_id=PAYMENT,
                                 payment_intent_id=TRANSACTION_ID)


def test_a_failed_payment_attempt_changes_nothing_but_names_the_payment(reader):
    event = read(reader, transaction_event("evt_3", "transaction.payment_failed",
                                           payment_id=PAYMENT))

    assert event == PaymentEvent(id="evt_3", type="transaction.payment_failed",
                                 payment_id=PAYMENT, payment_intent_id=TRANSACTION_ID)


@pytest.mark.parametrize("payment_id", [None, "order-42", ""])
def test_custom_data_we_did_not_issue_names_no_payment(reader, payment_id):
    event = read(reader, transaction_event("evt_4", "transaction.completed",
                                           payment_id=payment_id))

    assert (event.outcome, event.payment_id, event.payment_intent_id) == (
        PaymentOutcome.PAID, None, TRANSACTION_ID)


def test_other_custom_data_keys_are_ignored(reader):
    payload = transaction_event("evt_5", "transaction.completed", payment_id=PAYMENT).replace(
        f'"custom_data": {{"payment_id": "{PAYMENT}"}}'.encode(),
        f'"custom_data": {{"payment_id": "{PAYMENT}", "n": 3, "x": {{"y": null}}}}'.encode())
    assert b'"n": 3' in payload

    assert read(reader, payload).payment_id == PAYMENT


def test_a_transaction_without_totals_is_paid_without_an_amount(reader):
    payload = notification("evt_6", "transaction.completed",
                           {"id": "txn_1", "custom_data": {"payment_id": str(PAYMENT)}})

    event = read(reader, payload)

    assert (event.outcome, event.paid, event.payment_intent_id) == (
        PaymentOutcome.PAID, None, "txn_1")


@pytest.mark.parametrize("type", ["adjustment.created", "adjustment.updated"])
def test_an_approved_full_refund_refunds(reader, type):
    event = read(reader, adjustment_event("evt_7", type))

    assert event == PaymentEvent(id="evt_7", type=type, outcome=PaymentOutcome.REFUNDED,
                                 payment_intent_id=TRANSACTION_ID)


@pytest.mark.parametrize(("status", "adjustment_type", "action"), [
    ("pending_approval", "full", "refund"),
    ("rejected", "full", "refund"),
    ("approved", "partial", "refund"),
    ("approved", "full", "credit"),
    ("approved", "full", "chargeback"),
])
def test_other_adjustments_change_nothing_but_name_the_transaction(reader, status,
                                                                   adjustment_type, action):
    event = read(reader, adjustment_event("evt_8", "adjustment.created", status=status,
                                          adjustment_type=adjustment_type, action=action))

    assert (event.outcome, event.payment_intent_id) == (None, TRANSACTION_ID)


@pytest.mark.parametrize("type", ["customer.created", "address.created",
                                  "transaction.created", "transaction.ready"])
def test_another_type_is_only_its_id_and_type(reader, type):
    payload = notification("evt_9", type, {"id": "ctm_1", "anything": [1, 2]})

    assert read(reader, payload) == PaymentEvent(id="evt_9", type=type)


def test_unknown_envelope_fields_are_ignored(reader):
    payload = transaction_event("evt_10", "transaction.completed", payment_id=PAYMENT)
    payload = payload[:-1] + b', "new_field": {"nested": true}}'

    assert read(reader, payload).outcome is PaymentOutcome.PAID


@pytest.mark.parametrize("payload", [
    b"not json", b"[]", b"{}",
    b'{"event_type": "x", "data": {}}',
    b'{"event_id": "evt_1", "data": {}}',
    b'{"event_id": "evt_1", "event_type": "x"}',
    b'{"event_id": "", "event_type": "x", "data": {}}',
    b'{"event_id": "evt_1", "event_type": "", "data": {}}',
    b'{"event_id": 7, "event_type": "x", "data": {}}',
    b'{"event_id": "evt_\\u0000", "event_type": "x", "data": {}}',
    b'{"event_id": "evt_1", "event_type": "x\\u0000", "data": {}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": null}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {"id": ""}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {"id": "txn_\\u0000"}}',
    b'{"event_id": "evt_1", "event_type": "transaction.paid", "data": {"id": "txn_1", '
    b'"custom_data": {"payment_id": "\\u0000"}}}',
    b'{"event_id": "evt_1", "event_type": "transaction.paid", "data": {"id": "txn_1", '
    b'"custom_data": {"payment_id": 42}}}',
    b'{"event_id": "evt_1", "event_type": "transaction.paid", "data": {"id": "txn_1", '
    b'"custom_data": "payment"}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {"id": "txn_1", '
    b'"currency_code": "EUR", "details": {"totals": {"grand_total": 500}}}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {"id": "txn_1", '
    b'"currency_code": "EUR", "details": {"totals": {"grand_total": "-500"}}}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {"id": "txn_1", '
    b'"currency_code": "EUR", "details": {"totals": {"grand_total": "5.00"}}}}',
    b'{"event_id": "evt_1", "event_type": "transaction.completed", "data": {"id": "txn_1", '
    b'"currency_code": "EURO", "details": {"totals": {"grand_total": "500"}}}}',
    b'{"event_id": "evt_1", "event_type": "adjustment.updated", "data": {"id": "adj_1"}}',
    b'{"event_id": "evt_1", "event_type": "adjustment.updated", "data": '
    b'{"transaction_id": "txn_1", "status": 1}}',
    b"[" * 100_000,
    b'{"event_id": "evt_\xff", "event_type": "x", "data": {}}',
])
def test_a_signed_payload_that_is_not_an_event_is_unreadable(reader, payload):
    with pytest.raises(UnreadableWebhookEvent):
        read(reader, payload)


def test_the_signature_is_checked_before_the_payload_is_read(reader):
    with pytest.raises(InvalidWebhookSignature):
        reader.read(b"not json", paddle_signature(b"not json", "pdl_ntfset_wrong", T), NOW)
    with pytest.raises(InvalidWebhookSignature):
        reader.read(b"not json", None, NOW)


def test_a_stripe_style_header_is_refused(reader):
    payload = notification("evt_11", "ping", {})
    header = paddle_signature(payload, SECRET, T).replace("ts=", "t=").replace("h1=", "v1=")

    with pytest.raises(InvalidWebhookSignature):
        reader.read(payload, header, NOW)


def test_the_reader_honours_our_rotation_and_its_tolerance():
    reader = PaddleEventReader([SECRET, OLD_SECRET], tolerance_s=60)
    payload = notification("evt_12", "ping", {})

    assert reader.read(payload, paddle_signature(payload, OLD_SECRET, T), NOW).id == "evt_12"
    with pytest.raises(InvalidWebhookSignature):
        reader.read(payload, paddle_signature(payload, SECRET, T - 61), NOW)
    with pytest.raises(InvalidWebhookSignature):
        reader.read(payload, paddle_signature(payload, SECRET, T),
                    NOW - timedelta(seconds=61))


@pytest.mark.parametrize("secrets", [[], [""], ["  "]])
def test_without_a_webhook_secret_payments_are_unavailable(secrets):
    payload = notification("evt_13", "ping", {})

    with pytest.raises(PaymentsUnavailable, match="not configured"):
        PaddleEventReader(secrets).read(payload, paddle_signature(payload, SECRET, T), NOW)
