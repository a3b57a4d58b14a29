"""Paddle Billing (API v1) notifications about subscriptions read into SubscriptionEvents.

- `subscription.*` carry the subscription: its status (`trialing` counts as active), its
  customer, the price of its first item, its `current_billing_period` (null once it ended)
  and a `scheduled_change`, which cancels at the period's end when its action is "cancel".
  A canceled subscription ended at its `canceled_at` when that came before the event.
- `transaction.paid` / `transaction.completed` of a transaction with a `subscription_id` pay
  a period: `details.totals.grand_total` in `currency_code`, its lines from
  `details.line_items` (`totals.subtotal`, signed: a proration's credit for unused time is
  negative), for the period ending at `billing_period.ends_at`. Paddle sends both for one
  transaction; the transaction id is the invoice, so the application grants it once.
- `transaction.payment_failed` of a subscription's transaction makes it past due; any other
  `transaction.*` of a subscription is only its id and type (it names no pack's payment).

A fact is as of the envelope's `occurred_at` (the delivery's time when it is missing).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from domain.payment_events import PaymentEvent
from domain.payments import Money, UnreadableWebhookEvent
from domain.subscription_events import PaidInvoice, SubscriptionEvent, past_due
from domain.subscriptions import InvoiceLine, SubscriptionFact, SubscriptionStatus

SUBSCRIPTION_TYPES = frozenset(f"subscription.{name}" for name in (
    "created", "updated", "activated", "past_due", "paused", "resumed", "canceled",
    "trialing"))
PAID_TYPES = frozenset({"transaction.paid", "transaction.completed"})
FAILED_TYPE = "transaction.payment_failed"
TRANSACTION_PREFIX = "transaction."

_STATUS = {
    "active": SubscriptionStatus.ACTIVE, "trialing": SubscriptionStatus.ACTIVE,
    "past_due": SubscriptionStatus.PAST_DUE, "paused": SubscriptionStatus.PAUSED,
    "canceled": SubscriptionStatus.CANCELED,
}

# Ids we store: no NUL (PostgreSQL text cannot hold it), and as long as the columns.
Ref = Annotated[str, msgspec.Meta(min_length=1, max_length=255, pattern=r"^[^\x00]+$")]
Text = Annotated[str, msgspec.Meta(pattern=r"^[^\x00]*$")]
Time = Annotated[datetime, msgspec.Meta(tz=True)]  # RFC 3339 with an offset ("Z")
MinorUnits = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,15}$")]
SignedUnits = Annotated[str, msgspec.Meta(pattern=r"^-?[0-9]{1,15}$")]
CurrencyCode = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z]{3}$")]


class _Price(msgspec.Struct, frozen=True):
    id: Ref | None = None


class _Item(msgspec.Struct, frozen=True):
    price: _Price | None = None


class _Period(msgspec.Struct, frozen=True):
    starts_at: Time
    ends_at: Time


class _ScheduledChange(msgspec.Struct, frozen=True):
    action: Text | None = None


class _Subscription(msgspec.Struct, frozen=True):  # entity "subscription", id "sub_..."
    id: Ref
    status: Text
    customer_id: Ref | None = None
    items: list[_Item] = []
    current_billing_period: _Period | None = None
    scheduled_change: _ScheduledChange | None = None
    canceled_at: Time | None = None


class _LineTotals(msgspec.Struct, frozen=True):
    subtotal: SignedUnits


class _LineItem(msgspec.Struct, frozen=True):
    price_id: Ref | None = None
    totals: _LineTotals | None = None


class _Totals(msgspec.Struct, frozen=True):
    grand_total: MinorUnits


class _Details(msgspec.Struct, frozen=True):
    totals: _Totals | None = None
    line_items: list[_LineItem] = []


class _Owner(msgspec.Struct, frozen=True):
    subscription_id: Ref | None = None


class _Transaction(msgspec.Struct, frozen=True):  # entity "transaction", id "txn_..."
    id: Ref
    subscription_id: Ref
    customer_id: Ref | None = None
    currency_code: CurrencyCode | None = None
    details: _Details | None = None
    billing_period: _Period | None = None


def subscription_event(event_id: str, event_type: str, at: datetime,
                       raw: msgspec.Raw) -> SubscriptionEvent | PaymentEvent | None:
    """The event, or None when it is not about a subscription (a pack's transaction, or
    another entity). Raises msgspec.DecodeError for a malformed entity and
    UnreadableWebhookEvent for a paid transaction without its totals."""
    if event_type in SUBSCRIPTION_TYPES:
        return _of_subscription(event_id, event_type, at,
                                msgspec.json.decode(raw, type=_Subscription))
    if not event_type.startswith(TRANSACTION_PREFIX):
        return None
    if msgspec.json.decode(raw, type=_Owner).subscription_id is None:
        return None  # a pack's, read as before, whatever its other fields hold
    if event_type not in PAID_TYPES | {FAILED_TYPE}:
        return PaymentEvent(id=event_id, type=event_type)
    transaction = msgspec.json.decode(raw, type=_Transaction)
    if event_type == FAILED_TYPE:
        return SubscriptionEvent(id=event_id, type=event_type,
                                 customer_ref=transaction.customer_id or "",
                                 subscription_ref=transaction.subscription_id,
                                 fact=past_due(event_id, at))
    return _of_paid_transaction(event_id, event_type, at, transaction,
                                transaction.subscription_id)


def _of_subscription(event_id: str, event_type: str, at: datetime,
                     sub: _Subscription) -> SubscriptionEvent:
    status = _STATUS.get(sub.status)
    if status is SubscriptionStatus.CANCELED and sub.canceled_at is not None:
        at = min(at, sub.canceled_at)
    period = sub.current_billing_period
    change = sub.scheduled_change
    fact = SubscriptionFact(
        event_id=event_id, at=at, status=status,
        period_start=None if period is None else period.starts_at,
        period_end=None if period is None else period.ends_at,
        cancel_at_period_end=change is not None and change.action == "cancel")
    price = sub.items[0].price if sub.items else None
    return SubscriptionEvent(id=event_id, type=event_type, customer_ref=sub.customer_id or "",
                             subscription_ref=sub.id, fact=fact,
                             price_id=None if price is None else price.id)


def _of_paid_transaction(event_id: str, event_type: str, at: datetime,
                         transaction: _Transaction, subscription: str) -> SubscriptionEvent:
    details = transaction.details or _Details()
    if details.totals is None or transaction.currency_code is None:
        raise UnreadableWebhookEvent("The signed payload is not a Paddle event: a paid "
                                     "transaction without its totals.")
    lines = tuple(InvoiceLine(price_id=item.price_id, amount=int(item.totals.subtotal))
                  for item in details.line_items if item.totals is not None)
    period = transaction.billing_period
    paid = PaidInvoice(ref=transaction.id,
                       paid=Money(int(details.totals.grand_total),
                                  transaction.currency_code.lower()),
                       lines=lines, period_end=None if period is None else period.ends_at,
                       payment_intent_id=transaction.id)
    fact = SubscriptionFact(event_id=event_id, at=at, status=SubscriptionStatus.ACTIVE)
    return SubscriptionEvent(id=event_id, type=event_type,
                             customer_ref=transaction.customer_id or "",
                             subscription_ref=subscription, fact=fact, invoice=paid)
