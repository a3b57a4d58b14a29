"""What a payment provider's notification says about a subscription, once read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.payments import Money
from domain.subscriptions import InvoiceLine, SubscriptionFact, SubscriptionStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class PaidInvoice:
    """A subscription's invoice the provider collected: `paid` in total, for `lines`,
    covering the period that ends at `period_end`. `payment_intent_id`, when the provider
    names one, is what a later refund of it refers to."""

    ref: str
    paid: Money
    lines: tuple[InvoiceLine, ...]
    period_end: datetime | None = None
    payment_intent_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionEvent:
    """An event about the subscription `subscription_ref` of the provider's customer
    `customer_ref`. `fact` is what it says of the subscription's fields, its plan given by
    the provider's `price_id` (the fact's plan_id is left for the caller to look up);
    `invoice` is set when the event reports a paid period."""

    id: str
    type: str
    customer_ref: str
    subscription_ref: str
    fact: SubscriptionFact
    price_id: str | None = None
    invoice: PaidInvoice | None = None

    def fact_for(self, plan_id: str | None) -> SubscriptionFact:
        return replace(self.fact, plan_id=plan_id)


def past_due(event_id: str, at: datetime) -> SubscriptionFact:
    return SubscriptionFact(event_id=event_id, at=at, status=SubscriptionStatus.PAST_DUE)
