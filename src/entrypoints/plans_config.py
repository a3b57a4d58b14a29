"""The monthly plans on sale: none by default (a plan needs the provider's price id, which
the operator creates in the provider's dashboard), or the operator's own as JSON in
SUBSCRIPTION_PLANS, e.g. `[{"id": "student", "name": "Student", "credits": 1000000,
"amount": 999, "currency": "eur", "rollover": false, "stripe_price_id": "price_123"}]`
(`credits` each paid month, `amount` in minor units)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

from domain.errors import InvalidInput
from domain.payments import Money
from domain.subscriptions import Plan

PriceId = Annotated[str, Meta(min_length=1, max_length=255, pattern=r"^[^\x00\s]+$")]


class _PlanIn(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    credits: Annotated[int, Meta(gt=0)]
    amount: Annotated[int, Meta(gt=0)]
    currency: str
    rollover: bool = False
    stripe_price_id: PriceId | None = None
    paddle_price_id: PriceId | None = None


def subscription_plans(raw: str | None) -> tuple[Plan, ...]:
    """The plans `raw` (SUBSCRIPTION_PLANS) describes, or none; ValueError says what is
    wrong with it."""
    if not raw:
        return ()
    try:
        items = msgspec.json.decode(raw, type=list[_PlanIn])
        plans = tuple(Plan(id=item.id, name=item.name, credits=item.credits,
                           price=Money(item.amount, item.currency.lower()),
                           rollover=item.rollover, stripe_price_id=item.stripe_price_id,
                           paddle_price_id=item.paddle_price_id)
                      for item in items)
    except (msgspec.DecodeError, msgspec.ValidationError, InvalidInput) as error:
        raise ValueError(str(error)) from None
    if len({plan.id for plan in plans}) != len(plans):
        raise ValueError("plan ids must be unique")
    for provider in ("stripe", "paddle"):
        prices = [plan.price_id(provider) for plan in plans if plan.price_id(provider)]
        if len(set(prices)) != len(prices):
            raise ValueError(f"each plan needs its own {provider}_price_id")
    return plans
