from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from tests.stripe_events import checkout_event, other_event, refund_event
from tests.stripe_signing import signature_header

from adapters.stripe.events import StripeEventReader
from adapters.stripe.signature import verify_signature
from domain.ids import PaymentId
from domain.payment_events import PaymentEvent
from domain.payments import (
    InvalidWebhookSignature,
    Money,
    PaymentOutcome,
    PaymentsUnavailable,
    UnreadableWebhookEvent,
)

SECRET, OLD_SECRET = "whsec_current_0123456789abcdef", "whsec_previous_0123456789abcdef"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
T = int(NOW.timestamp())
BODY = b'{"id": "evt_1", "type": "ping", "data": {"object": {}}}'
PAYMENT = PaymentId(UUID("00000000-0000-4000-8000-0000000000aa"))


def verify(header: str | None, body: bytes = BODY, secrets: tuple[str, ...] = (SECRET,),
           now: datetime = NOW) -> None:
    verify_signature(body, header, secrets, now=now)


def test_a_valid_signature_is_accepted():
    verify(signature_header(BODY, SECRET, T))


def test_any_matching_v1_is_enough_during_stripes_rotation():
    verify(signature_header(BODY, ["whsec_some_other_secret", SECRET], T))


def test_a_header_signed_with_our_previous_secret_is_accepted_while_we_rotate():
    verify(signature_header(BODY, OLD_SECRET, T), secrets=(SECRET, OLD_SECRET))


@pytest.mark.parametrize("seconds", [300, -300])
def test_the_tolerance_edge_is_accepted_on_both_sides(seconds):
    verify(signature_header(BODY, SECRET, T), now=NOW + timedelta(seconds=seconds))


@pytest.mark.parametrize(("case", "header", "body", "now"), [
    ("tampered body", signature_header(BODY, SECRET, T), BODY + b" ", NOW),
    ("wrong secret", signature_header(BODY, "whsec_wrong", T), BODY, NOW),
    ("301 s old", signature_header(BODY, SECRET, T), BODY, NOW + timedelta(seconds=301)),
    ("301 s ahead", signature_header(BODY, SECRET, T), BODY, NOW - timedelta(seconds=301)),
    ("missing", None, BODY, NOW),
    ("empty", "", BODY, NOW),
    ("blank", "  ", BODY, NOW),
    ("no v1", f"t={T},v0=abc", BODY, NOW),
    ("no t", signature_header(BODY, SECRET, T).split(",", 1)[1], BODY, NOW),
    ("t not a number", signature_header(BODY, SECRET, T).replace(f"t={T}", "t=soon"), BODY, NOW),
    ("two timestamps", f"t={T}," + signature_header(BODY, SECRET, T), BODY, NOW),
    ("garbage", "definitely not a signature", BODY, NOW),
    ("non-ascii v1", f"t={T},v1=ü", BODY, NOW),
    ("400-digit t", signature_header(BODY, SECRET, T).replace(f"t={T}", "t=" + "9" * 400),
     BODY, NOW),
    ("5000-digit t", signature_header(BODY, SECRET, T).replace(f"t={T}", "t=" + "1" * 5000),
     BODY, NOW),
])
def test_a_bad_header_is_refused(case, header, body, now):
    with pytest.raises(InvalidWebhookSignature) as raised:
        verify(header, body=body, now=now)

    assert SECRET not in str(raised.value)


# StripeEventReader


@pytest.fixture
def reader() -> StripeEventReader:
    return StripeEventReader([SECRET])


def read(reader: StripeEventReader, payload: bytes) -> PaymentEvent:
    return reader.read(payload, signature_header(payload, SECRET, T), NOW)


@pytest.mark.parametrize("type", ["checkout.session.completed",
                                  "checkout.session.async_payment_succeeded"])
def test_a_paid_checkout_is_paid(reader, type):
    event = read(reader, checkout_event("evt_paid", type, payment_id=PAYMENT, amount=500,
                                        currency="eur", payment_intent="pi_123"))

    assert event == PaymentEvent(id="evt_paid", type=type, outcome=PaymentOutcome.PAID,
                                 payment_id=PAYMENT, payment_intent_id="pi_123",
                                 paid=Money(500, "eur"))


def test_a_completed_checkout_not_yet_paid_changes_nothing_but_names_its_intent(reader):
    event = read(reader, checkout_event("evt_2", "checkout.session.completed",
                                        payment_id=PAYMENT, payment_status="unpaid",
                                        payment_intent="pi_async"))

    assert event.outcome is None
    assert (event.payment_id, event.payment_intent_id) == (PAYMENT, "pi_async")


@pytest.mark.parametrize("type", ["checkout.session.async_payment_failed",
                                  "checkout.session.expired"])
def test_failed_and_expired_checkouts_fail(reader, type):
    event = read(reader, checkout_event("evt_3", type, payment_id=PAYMENT,
                                        payment_status="unpaid", payment_intent=None))

    assert event.outcome is PaymentOutcome.FAILED
    assert (event.payment_id, event.payment_intent_id) == (PAYMENT, None)


def test_the_client_reference_names_the_payment_when_metadata_does_not(reader):
    payload = checkout_event("evt_4", "checkout.session.completed", payment_id=PAYMENT)
    without_metadata = payload.replace(f'"metadata": {{"payment_id": "{PAYMENT}"}}'.encode(),
                                       b'"metadata": {}')
    assert without_metadata != payload

    assert read(reader, without_metadata).payment_id == PAYMENT


def test_an_id_we_did_not_issue_names_no_payment(reader):
    event = read(reader, checkout_event("evt_5", "checkout.session.completed",
                                        payment_id="order-42", payment_intent="pi_9"))

    assert (event.payment_id, event.payment_intent_id) == (None, "pi_9")


def test_an_expanded_payment_intent_gives_its_id(reader):
    payload = checkout_event("evt_6", "checkout.session.completed", payment_id=PAYMENT,
                             payment_intent="pi_x").replace(
        b'"payment_intent": "pi_x"', b'"payment_intent": {"id": "pi_x", "object": "x"}')

    assert read(reader, payload).payment_intent_id == "pi_x"


def test_a_full_refund_refunds(reader):
    event = read(reader, refund_event("evt_7", payment_id=PAYMENT, payment_intent="pi_1",
                                      amount=500))

    assert event == PaymentEvent(id="evt_7", type="charge.refunded",
                                 outcome=PaymentOutcome.REFUNDED, payment_id=PAYMENT,
                                 payment_intent_id="pi_1")


def test_a_refund_without_metadata_is_named_by_its_intent(reader):
    event = read(reader, refund_event("evt_8", payment_intent="pi_1", amount=500))

    assert (event.outcome, event.payment_id, event.payment_intent_id) == (
        PaymentOutcome.REFUNDED, None, "pi_1")


def test_a_partial_refund_changes_nothing(reader):
    event = read(reader, refund_event("evt_9", payment_id=PAYMENT, amount=500,
                                      amount_refunded=200, refunded=False))

    assert event.outcome is None
    assert event.payment_id == PAYMENT


def test_another_type_is_only_its_id_and_type(reader):
    assert read(reader, other_event("evt_10", "customer.created")) == PaymentEvent(
        id="evt_10", type="customer.created")


@pytest.mark.parametrize("payload", [
    b"not json", b"[]", b'{"type": "charge.refunded", "data": {"object": {}}}',
    b'{"id": "evt_1", "data": {"object": {}}}', b'{"id": "evt_1", "type": "x"}',
    b'{"id": "evt_1", "type": "x", "data": {}}', b'{"id": "", "type": "x", "data": {"object": {}}}',
    b'{"id": "evt_1", "type": "charge.refunded", "data": {"object": null}}',
    b'{"id": "evt_1", "type": "charge.refunded", "data": {"object": {"refunded": "yes"}}}',
    b'{"id": "evt_\\u0000", "type": "x", "data": {"object": {}}}',
    b'{"id": "evt_1", "type": "x\\u0000", "data": {"object": {}}}',
    b'{"id": "evt_1", "type": "charge.refunded", "data": {"object": '
    b'{"payment_intent": "pi_\\u0000"}}}',
    b'{"id": "evt_1", "type": "checkout.session.completed", "data": {"object": '
    b'{"metadata": {"payment_id": "\\u0000"}}}}',
    b"[" * 100_000,
    b'{"id": "evt_\xff", "type": "x", "data": {"object": {}}}',
])
def test_a_signed_payload_that_is_not_an_event_is_unreadable(reader, payload):
    with pytest.raises(UnreadableWebhookEvent):
        read(reader, payload)


def test_the_signature_is_checked_before_the_payload_is_read(reader):
    with pytest.raises(InvalidWebhookSignature):
        reader.read(b"not json", signature_header(b"not json", "whsec_wrong", T), NOW)


def test_the_reader_honours_our_rotation_and_its_tolerance():
    reader = StripeEventReader([SECRET, OLD_SECRET], tolerance_s=60)
    payload = other_event("evt_11", "ping")

    assert reader.read(payload, signature_header(payload, OLD_SECRET, T), NOW).id == "evt_11"
    with pytest.raises(InvalidWebhookSignature):
        reader.read(payload, signature_header(payload, SECRET, T - 61), NOW)


@pytest.mark.parametrize("secrets", [[], [""], ["  "]])
def test_without_a_webhook_secret_payments_are_unavailable(secrets):
    with pytest.raises(PaymentsUnavailable, match="not configured"):
        StripeEventReader(secrets).read(BODY, signature_header(BODY, SECRET, T), NOW)
