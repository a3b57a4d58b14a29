from __future__ import annotations

from datetime import datetime
from typing import Annotated

from domain.subscriptions import Plan, Subscription
from entrypoints.http.schema_base import Strict, text


class PlanOut(Strict, kw_only=True, frozen=True):
    id: str
    name: str
    credits: int  # each paid month
    amount: int  # a month's price, in minor units
    currency: str
    rollover: bool  # unused credits carry into the next month (else they expire)

    @classmethod
    def of(cls, plan: Plan) -> PlanOut:
        return cls(id=plan.id, name=plan.name, credits=plan.credits, amount=plan.price.amount,
                   currency=plan.price.currency, rollover=plan.rollover)


class SubscribeIn(Strict, kw_only=True, frozen=True):
    plan_id: Annotated[str, text(min_length=1, max_length=40)]


class SubscribeOut(Strict, kw_only=True, frozen=True):
    plan_id: str
    checkout_url: str


class SubscriptionOut(Strict, kw_only=True, frozen=True):
    plan_id: str | None
    status: str  # incomplete, active, past_due, paused, canceled
    current_period_start: datetime | None
    current_period_end: datetime | None
    cancel_at_period_end: bool
    ended_at: datetime | None

    @classmethod
    def of(cls, subscription: Subscription) -> SubscriptionOut:
        state = subscription.state
        return cls(plan_id=state.plan_id, status=state.status.value,
                   current_period_start=state.period_start,
                   current_period_end=state.period_end,
                   cancel_at_period_end=state.cancel_at_period_end, ended_at=state.ended_at)


class PortalOut(Strict, kw_only=True, frozen=True):
    url: str
