"""Paddle Billing (API v1) notifications read into PaymentEvents, verified before anything
is decoded.

The Structs below hold only the fields we read and ignore the rest: Paddle adds fields to its
entities without a new API version, and a new field must not turn an event away.

- `transaction.paid` and `transaction.completed` pay the payment named by the transaction's
  `custom_data.payment_id`, for `details.totals.grand_total` (a string of minor units) in
  `currency_code` (upper case at Paddle, lower case in Money).
- `transaction.canceled` fails it; `transaction.payment_failed` changes nothing (Paddle lets
  the buyer try again, so the transaction can still be paid) but names the payment.
- `adjustment.created` / `adjustment.updated` refund it only for an approved full refund; an
  adjustment names its payment by the transaction id alone (the payment's intent id).
- `subscription.*`, and the transactions above when they belong to a subscription, read as
  SubscriptionEvents (see `subscription_events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from adapters.paddle.signature import DEFAULT_TOLERANCE_S, verify_paddle_signature
from adapters.paddle.subscription_events import SUBSCRIPTION_TYPES, subscription_event
from domain.ids import PaymentId
from domain.payment_events import PaymentEvent
from domain.payments import Money, PaymentOutcome, PaymentsUnavailable, UnreadableWebhookEvent
from domain.ports.payment_gateway import PaymentEventReader
from domain.subscription_events import SubscriptionEvent

PAID_TYPES = frozenset({"transaction.paid", "transaction.completed"})
FAILED_TYPE = "transaction.canceled"
RETRIED_TYPE = "transaction.payment_failed"
TRANSACTION_TYPES = PAID_TYPES | {FAILED_TYPE, RETRIED_TYPE}
ADJUSTMENT_TYPES = frozenset({"adjustment.created", "adjustment.updated"})

# Strings we store or look up: a NUL character, which PostgreSQL cannot hold in text, makes
# the event unreadable instead of failing in the database.
Text = Annotated[str, msgspec.Meta(pattern=r"^[^\x00]*$")]
NonEmpty = Annotated[str, msgspec.Meta(min_length=1, pattern=r"^[^\x00]+$")]
MinorUnits = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,15}$")]
CurrencyCode = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z]{3}$")]
Time = Annotated[datetime, msgspec.Meta(tz=True)]


class _Notification(msgspec.Struct, frozen=True):
    event_id: NonEmpty
    event_type: NonEmpty
    data: msgspec.Raw
    occurred_at: Time | None = None


class _CustomData(msgspec.Struct, frozen=True):
    payment_id: Text | None = None


class _Totals(msgspec.Struct, frozen=True):
    grand_total: MinorUnits


class _Details(msgspec.Struct, frozen=True):
    totals: _Totals | None = None


class _Transaction(msgspec.Struct, frozen=True):  # entity "transaction", id "txn_..."
    id: NonEmpty
    custom_data: _CustomData | None = None
    currency_code: CurrencyCode | None = None
    details: _Details | None = None


class _Adjustment(msgspec.Struct, frozen=True):  # entity "adjustment", id "adj_..."
    transaction_id: NonEmpty
    action: Text | None = None
    status: Text | None = None
    type: Text | None = None


class PaddleEventReader(PaymentEventReader):
    """Several secrets may be configured (an operator rolling the webhook secret)."""

    signature_header = "Paddle-Signature"

    def __init__(self, secrets: Sequence[str], tolerance_s: int = DEFAULT_TOLERANCE_S) -> None:
        self._secrets = tuple(s.strip() for s in secrets if s.strip())
        self._tolerance_s = tolerance_s

    def read(self, payload: bytes, signature: str | None,
             now: datetime) -> PaymentEvent | SubscriptionEvent:
        if not self._secrets:
            raise PaymentsUnavailable("Payments are not configured on this server.")
        verify_paddle_signature(payload, signature, self._secrets, now=now,
                                tolerance_s=self._tolerance_s)
        try:
            event = msgspec.json.decode(payload, type=_Notification)
            if event.event_type in SUBSCRIPTION_TYPES | TRANSACTION_TYPES:
                read = subscription_event(event.event_id, event.event_type,
                                          event.occurred_at or now, event.data)
                if read is not None:
                    return read
            if event.event_type in TRANSACTION_TYPES:
                return _transaction_event(
                    event, msgspec.json.decode(event.data, type=_Transaction))
            if event.event_type in ADJUSTMENT_TYPES:
                return _adjustment_event(
                    event, msgspec.json.decode(event.data, type=_Adjustment))
        except msgspec.DecodeError as error:  # ValidationError included
            raise UnreadableWebhookEvent(f"The signed payload is not a Paddle event: {error}",
                                         ) from error
        except (RecursionError, UnicodeDecodeError) as error:  # too deep, not UTF-8
            raise UnreadableWebhookEvent("The signed payload is not a Paddle event: it is not "
                                         "JSON that can be read.") from error
        return PaymentEvent(id=event.event_id, type=event.event_type)


def _transaction_event(event: _Notification, transaction: _Transaction) -> PaymentEvent:
    outcome: PaymentOutcome | None = None
    paid = None
    if event.event_type in PAID_TYPES:
        outcome, paid = PaymentOutcome.PAID, _grand_total(transaction)
    elif event.event_type == FAILED_TYPE:
        outcome = PaymentOutcome.FAILED
    custom = transaction.custom_data or _CustomData()
    return PaymentEvent(id=event.event_id, type=event.event_type, outcome=outcome,
                        payment_id=_payment_id(custom.payment_id),
                        payment_intent_id=transaction.id, paid=paid)


def _adjustment_event(event: _Notification, adjustment: _Adjustment) -> PaymentEvent:
    full_refund = (adjustment.action == "refund" and adjustment.status == "approved"
                   and adjustment.type == "full")
    return PaymentEvent(id=event.event_id, type=event.event_type,
                        outcome=PaymentOutcome.REFUNDED if full_refund else None,
                        payment_intent_id=adjustment.transaction_id)


def _grand_total(transaction: _Transaction) -> Money | None:
    """What the buyer was charged, when the transaction says."""
    totals = transaction.details.totals if transaction.details else None
    if totals is None or transaction.currency_code is None:
        return None
    return Money(int(totals.grand_total), transaction.currency_code.lower())


def _payment_id(candidate: str | None) -> PaymentId | None:
    """Our id when it is a UUID: ids we did not issue name no payment."""
    try:
        return PaymentId(UUID(candidate or ""))
    except ValueError:
        return None
