"""Stripe Billing's events read into SubscriptionEvents.

Stripe moved fields between API versions, and an account's webhooks speak its version:
since 2025-03-31 ("basil") the period is on each subscription item and an invoice names its
subscription under `parent.subscription_details` and a line's price under
`pricing.price_details`; before, both sat on the subscription, the invoice and the line.
Both shapes are read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import msgspec

from domain.payments import Money
from domain.subscription_events import PaidInvoice, SubscriptionEvent, past_due
from domain.subscriptions import InvoiceLine, SubscriptionFact, SubscriptionStatus

SUBSCRIPTION_TYPES = frozenset({
    "customer.subscription.created", "customer.subscription.updated",
    "customer.subscription.deleted", "customer.subscription.paused",
    "customer.subscription.resumed"})
# An endpoint may listen to both of Stripe's "paid" events; each invoice grants once anyway.
INVOICE_TYPES = frozenset({"invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed"})

_STATUS = {
    "incomplete": SubscriptionStatus.INCOMPLETE, "trialing": SubscriptionStatus.ACTIVE,
    "active": SubscriptionStatus.ACTIVE, "past_due": SubscriptionStatus.PAST_DUE,
    "unpaid": SubscriptionStatus.PAST_DUE, "paused": SubscriptionStatus.PAUSED,
    "canceled": SubscriptionStatus.CANCELED, "incomplete_expired": SubscriptionStatus.CANCELED,
}

# Ids we store: no NUL (PostgreSQL text cannot hold it), and as long as the columns.
Ref = Annotated[str, msgspec.Meta(min_length=1, max_length=255, pattern=r"^[^\x00]+$")]


class _Price(msgspec.Struct, frozen=True):  # also any object expanded in place of its id
    id: Ref


class _Item(msgspec.Struct, frozen=True):
    price: _Price | None = None
    current_period_start: int | None = None
    current_period_end: int | None = None


class _Items(msgspec.Struct, frozen=True):
    data: list[_Item] = []


class _Subscription(msgspec.Struct, frozen=True):
    id: Ref
    customer: Ref | _Price
    status: str
    cancel_at_period_end: bool = False
    items: _Items = _Items()
    current_period_start: int | None = None  # before basil
    current_period_end: int | None = None
    ended_at: int | None = None


class _Period(msgspec.Struct, frozen=True):
    start: int
    end: int


class _PriceDetails(msgspec.Struct, frozen=True):
    price: str | None = None


class _Pricing(msgspec.Struct, frozen=True):
    price_details: _PriceDetails | None = None


class _Line(msgspec.Struct, frozen=True):
    amount: int
    period: _Period | None = None
    price: _Price | None = None  # before basil
    pricing: _Pricing | None = None

    @property
    def price_id(self) -> str | None:
        if self.pricing is not None and self.pricing.price_details is not None:
            return self.pricing.price_details.price
        return None if self.price is None else self.price.id


class _Lines(msgspec.Struct, frozen=True):
    data: list[_Line] = []


class _SubscriptionDetails(msgspec.Struct, frozen=True):
    subscription: Ref | _Price | None = None


class _Parent(msgspec.Struct, frozen=True):
    subscription_details: _SubscriptionDetails | None = None


class _Invoice(msgspec.Struct, frozen=True):
    id: Ref
    customer: Ref | _Price
    currency: str
    amount_paid: int = 0
    lines: _Lines = _Lines()
    subscription: Ref | _Price | None = None  # before basil
    parent: _Parent | None = None
    payment_intent: Ref | _Price | None = None  # before basil

    @property
    def subscription_ref(self) -> str | None:
        named = self.subscription
        if named is None and self.parent is not None and self.parent.subscription_details:
            named = self.parent.subscription_details.subscription
        return _ref(named)


def subscription_event(event_id: str, event_type: str, created: int,
                       raw: msgspec.Raw) -> SubscriptionEvent | None:
    """The event, or None when it is about no subscription (a one-off invoice)."""
    if event_type in SUBSCRIPTION_TYPES:
        return _of_subscription(event_id, event_type, created,
                                msgspec.json.decode(raw, type=_Subscription))
    invoice = msgspec.json.decode(raw, type=_Invoice)
    subscription = invoice.subscription_ref
    if subscription is None:
        return None
    at = _time(created)
    if event_type == "invoice.payment_failed":
        return SubscriptionEvent(id=event_id, type=event_type,
                                 customer_ref=_ref(invoice.customer) or "",
                                 subscription_ref=subscription, fact=past_due(event_id, at))
    return _of_paid_invoice(event_id, event_type, at, invoice, subscription)


def _of_subscription(event_id: str, event_type: str, created: int,
                     sub: _Subscription) -> SubscriptionEvent:
    item = sub.items.data[0] if sub.items.data else _Item()
    start = item.current_period_start or sub.current_period_start
    end = item.current_period_end or sub.current_period_end
    status = _STATUS.get(sub.status)
    at = _time(created)
    if status is SubscriptionStatus.CANCELED and sub.ended_at is not None:
        at = min(at, _time(sub.ended_at))
    fact = SubscriptionFact(
        event_id=event_id, at=at, status=status,
        period_start=None if start is None else _time(start),
        period_end=None if end is None else _time(end),
        cancel_at_period_end=sub.cancel_at_period_end)
    return SubscriptionEvent(id=event_id, type=event_type,
                             customer_ref=_ref(sub.customer) or "", subscription_ref=sub.id,
                             fact=fact, price_id=None if item.price is None else item.price.id)


def _of_paid_invoice(event_id: str, event_type: str, at: datetime, invoice: _Invoice,
                     subscription: str) -> SubscriptionEvent:
    lines = tuple(InvoiceLine(price_id=line.price_id, amount=line.amount)
                  for line in invoice.lines.data)
    ends = [line.period.end for line in invoice.lines.data if line.period is not None]
    paid = PaidInvoice(ref=invoice.id, paid=Money(max(0, invoice.amount_paid),
                                                  invoice.currency.lower()),
                       lines=lines, period_end=_time(max(ends)) if ends else None,
                       payment_intent_id=_ref(invoice.payment_intent))
    fact = SubscriptionFact(event_id=event_id, at=at, status=SubscriptionStatus.ACTIVE)
    return SubscriptionEvent(id=event_id, type=event_type,
                             customer_ref=_ref(invoice.customer) or "",
                             subscription_ref=subscription, fact=fact, invoice=paid)


def _ref(value: str | _Price | None) -> str | None:
    """An id, whether Stripe sent it as a string or expanded into its object."""
    return value.id if isinstance(value, _Price) else value or None


def _time(unix: int) -> datetime:
    return datetime.fromtimestamp(unix, UTC)
