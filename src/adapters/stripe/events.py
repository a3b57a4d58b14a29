"""Stripe webhook deliveries read into PaymentEvents, verified before anything is decoded.

The Structs below hold only the fields we read and ignore the rest: Stripe adds fields to
its objects without a new API version, and a new field must not turn an event away.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from adapters.stripe.signature import DEFAULT_TOLERANCE_S, verify_signature
from adapters.stripe.subscription_events import (
    INVOICE_TYPES,
    SUBSCRIPTION_TYPES,
    subscription_event,
)
from domain.errors import InvalidInput
from domain.ids import PaymentId
from domain.payment_events import PaymentEvent
from domain.payments import Money, PaymentOutcome, PaymentsUnavailable, UnreadableWebhookEvent
from domain.ports.payment_gateway import PaymentEventReader
from domain.subscription_events import SubscriptionEvent

PAID_TYPES = frozenset({"checkout.session.completed", "checkout.session.async_payment_succeeded"})
FAILED_TYPES = frozenset({"checkout.session.async_payment_failed", "checkout.session.expired"})
SESSION_TYPES = PAID_TYPES | FAILED_TYPES
REFUND_TYPE = "charge.refunded"
# Since 2025-03-31 ("basil") an invoice no longer names its payment intent; this event does.
INVOICE_PAYMENT_TYPE = "invoice_payment.paid"
MAX_REF = 255  # what the columns holding provider ids take

# Strings we store or look up: a NUL character, which PostgreSQL cannot hold in text, makes
# the event unreadable instead of failing in the database.
Text = Annotated[str, msgspec.Meta(pattern=r"^[^\x00]*$")]
NonEmpty = Annotated[str, msgspec.Meta(min_length=1, pattern=r"^[^\x00]+$")]


class _Expanded(msgspec.Struct, frozen=True):
    id: Text


class _Data(msgspec.Struct, frozen=True):
    object: msgspec.Raw


class _Event(msgspec.Struct, frozen=True):
    id: NonEmpty
    type: NonEmpty
    data: _Data
    created: int = 0


class _Session(msgspec.Struct, frozen=True):  # object "checkout.session"
    mode: Text = "payment"
    client_reference_id: Text | None = None
    metadata: dict[Text, Text] | None = None
    payment_intent: Text | _Expanded | None = None
    payment_status: Text | None = None
    amount_total: int | None = None
    currency: Text | None = None


class _Charge(msgspec.Struct, frozen=True):  # object "charge"
    metadata: dict[Text, Text] | None = None
    payment_intent: Text | _Expanded | None = None
    refunded: bool = False  # true once fully refunded


class _Paid(msgspec.Struct, frozen=True):
    type: Text = ""
    payment_intent: Text | _Expanded | None = None


class _InvoicePayment(msgspec.Struct, frozen=True):  # object "invoice_payment"
    invoice: NonEmpty | _Expanded
    payment: _Paid = _Paid()


class StripeEventReader(PaymentEventReader):
    """Several secrets may be configured (an operator rolling STRIPE_WEBHOOK_SECRET)."""

    signature_header = "Stripe-Signature"

    def __init__(self, secrets: Sequence[str], tolerance_s: int = DEFAULT_TOLERANCE_S) -> None:
        self._secrets = tuple(s.strip() for s in secrets if s.strip())
        self._tolerance_s = tolerance_s

    def read(self, payload: bytes, signature: str | None,
             now: datetime) -> PaymentEvent | SubscriptionEvent:
        if not self._secrets:
            raise PaymentsUnavailable("Payments are not configured on this server.")
        verify_signature(payload, signature, self._secrets, now=now,
                         tolerance_s=self._tolerance_s)
        try:
            event = msgspec.json.decode(payload, type=_Event)
            if event.type in SESSION_TYPES:
                return _session_event(event, msgspec.json.decode(event.data.object, type=_Session))
            if event.type == REFUND_TYPE:
                return _refund_event(event, msgspec.json.decode(event.data.object, type=_Charge))
            if event.type == INVOICE_PAYMENT_TYPE:
                return _invoice_payment_event(event, msgspec.json.decode(
                    event.data.object, type=_InvoicePayment))
            if event.type in SUBSCRIPTION_TYPES | INVOICE_TYPES:
                read = subscription_event(event.id, event.type, event.created or
                                          int(now.timestamp()), event.data.object)
                return read or PaymentEvent(id=event.id, type=event.type)
        except InvalidInput as error:  # a currency that is none
            raise UnreadableWebhookEvent(f"The signed payload is not a Stripe event: "
                                         f"{error.message}") from error
        except msgspec.DecodeError as error:  # ValidationError included
            raise UnreadableWebhookEvent(f"The signed payload is not a Stripe event: {error}",
                                         ) from error
        except (RecursionError, UnicodeDecodeError) as error:  # too deep, not UTF-8
            raise UnreadableWebhookEvent("The signed payload is not a Stripe event: it is not "
                                         "JSON that can be read.") from error
        return PaymentEvent(id=event.id, type=event.type)


def _session_event(event: _Event, session: _Session) -> PaymentEvent:
    if session.mode != "payment":  # a subscription's checkout: its invoice grants the credits
        return PaymentEvent(id=event.id, type=event.type)
    if event.type in FAILED_TYPES:
        outcome: PaymentOutcome | None = PaymentOutcome.FAILED
    else:
        outcome = PaymentOutcome.PAID if session.payment_status == "paid" else None
    paid = None
    if session.amount_total is not None and session.currency is not None:
        paid = Money(session.amount_total, session.currency)
    metadata = session.metadata or {}
    return PaymentEvent(
        id=event.id, type=event.type, outcome=outcome,
        payment_id=_payment_id(metadata.get("payment_id"), session.client_reference_id),
        payment_intent_id=_intent_id(session.payment_intent), paid=paid)


def _refund_event(event: _Event, charge: _Charge) -> PaymentEvent:
    return PaymentEvent(
        id=event.id, type=event.type,
        outcome=PaymentOutcome.REFUNDED if charge.refunded else None,
        payment_id=_payment_id((charge.metadata or {}).get("payment_id")),
        payment_intent_id=_intent_id(charge.payment_intent))


def _invoice_payment_event(event: _Event, paid: _InvoicePayment) -> PaymentEvent:
    intent = _intent_id(paid.payment.payment_intent)
    invoice = paid.invoice.id if isinstance(paid.invoice, _Expanded) else paid.invoice
    if paid.payment.type != "payment_intent" or intent is None or not invoice \
            or max(len(intent), len(invoice)) > MAX_REF:
        return PaymentEvent(id=event.id, type=event.type)
    return PaymentEvent(id=event.id, type=event.type, payment_intent_id=intent,
                        invoice_ref=invoice)


def _payment_id(*candidates: str | None) -> PaymentId | None:
    """The first candidate that is a UUID: ids we did not issue name no payment."""
    for candidate in candidates:
        try:
            return PaymentId(UUID(candidate or ""))
        except ValueError:
            continue
    return None


def _intent_id(intent: str | _Expanded | None) -> str | None:
    return intent.id if isinstance(intent, _Expanded) else intent or None
