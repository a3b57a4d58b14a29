"""Monthly plans, and a subscription's state as the payment provider reports it.

Providers deliver webhook events late, out of order and more than once. A subscription is
therefore not moved step by step but merged from *facts*: each event says some of the
subscription's fields (status, plan, period, whether it cancels at the period's end) as of
a moment. Every field keeps the value of its newest fact, ordered by `Stamp` (the moment,
then a rank, then the event id, so that ties are settled the same way whatever arrives
first); a subscription that has ended stays ended. Merging is commutative, associative and
idempotent, so any order of arrival, with any duplicates, ends in the same state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import Conflict, InvalidInput, NotFound
from domain.ids import UserId
from domain.payments import Money

_PLAN_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """A monthly subscription the operator sells: `credits` tokens each paid month for
    `price`. Unused credits of a month expire at its end unless `rollover`. The provider's
    price ids name the plan in the provider's events."""

    id: str
    name: str
    credits: int
    price: Money
    rollover: bool = False
    stripe_price_id: str | None = None
    paddle_price_id: str | None = None

    def __post_init__(self) -> None:
        if not _PLAN_ID.match(self.id):
            raise InvalidInput("a plan id is 1 to 40 of a-z, 0-9, '-' and '_'", field="id")
        if not self.name.strip():
            raise InvalidInput("a plan needs a name", field="name")
        if self.credits <= 0 or self.price.amount <= 0:
            raise InvalidInput("a plan sells a positive number of credits for a positive "
                               "price", field="credits")

    def price_id(self, provider: str) -> str | None:
        return {"stripe": self.stripe_price_id, "paddle": self.paddle_price_id}.get(provider)


class SubscriptionStatus(StrEnum):
    INCOMPLETE = "incomplete"  # opened, first payment not yet collected
    ACTIVE = "active"
    PAST_DUE = "past_due"  # a renewal failed; no credits until it is paid
    PAUSED = "paused"
    CANCELED = "canceled"  # ended; nothing moves it back


@dataclass(frozen=True, slots=True, order=True)
class Stamp:
    """When a fact was true. Within one moment an opening status ranks below any later
    one (providers report "incomplete" and "active" in the same second); the event id
    settles what is left, the same way on every replica of the history."""

    at: datetime
    rank: int = 1
    event_id: str = ""


def status_rank(status: SubscriptionStatus) -> int:
    return 0 if status is SubscriptionStatus.INCOMPLETE else 1


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionFact:
    """What one event says about one subscription, as of `at`; None: it does not say."""

    event_id: str
    at: datetime
    status: SubscriptionStatus | None = None
    plan_id: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    cancel_at_period_end: bool | None = None

    def stamp(self, *, rank: int = 1) -> Stamp:
        return Stamp(self.at, rank, self.event_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionState:
    """The merged fields of a subscription, each with the stamp of the fact it came from
    (`stamps`, by field name); `ended_at` is the earliest moment any fact said it ended."""

    status: SubscriptionStatus = SubscriptionStatus.INCOMPLETE
    plan_id: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    cancel_at_period_end: bool = False
    ended_at: datetime | None = None
    stamps: dict[str, Stamp] = field(default_factory=dict)

    @property
    def live(self) -> bool:
        return self.status is not SubscriptionStatus.CANCELED

    def merge(self, fact: SubscriptionFact) -> SubscriptionState:
        """This state with `fact` merged in (the same state when it changes nothing)."""
        state = self
        if fact.status is not None:
            state = state._merge_status(fact, fact.status)
        if fact.plan_id is not None and state._newer("plan", fact.stamp()):
            state = replace(state, stamps=state._stamped("plan", fact), plan_id=fact.plan_id)
        if (fact.period_start is not None and fact.period_end is not None
                and state._newer("period", fact.stamp())):
            state = replace(state, stamps=state._stamped("period", fact),
                            period_start=fact.period_start, period_end=fact.period_end)
        if fact.cancel_at_period_end is not None and state._newer("cancel", fact.stamp()):
            state = replace(state, stamps=state._stamped("cancel", fact),
                            cancel_at_period_end=fact.cancel_at_period_end)
        return state

    def _merge_status(self, fact: SubscriptionFact,
                      status: SubscriptionStatus) -> SubscriptionState:
        stamp = fact.stamp(rank=status_rank(status))
        if status is SubscriptionStatus.CANCELED:
            ended = fact.at if self.ended_at is None else min(self.ended_at, fact.at)
            if self.live:
                return replace(self, stamps={**self.stamps, "status": stamp}, status=status,
                               ended_at=ended)
            return replace(self, ended_at=ended) if ended != self.ended_at else self
        if self.live and self._newer("status", stamp):
            return replace(self, stamps={**self.stamps, "status": stamp}, status=status)
        return self

    def _newer(self, name: str, stamp: Stamp) -> bool:
        held = self.stamps.get(name)
        return held is None or stamp > held

    def _stamped(self, name: str, fact: SubscriptionFact) -> dict[str, Stamp]:
        return {**self.stamps, name: fact.stamp()}


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceLine:
    """One line of a provider's invoice: `amount` minor units (negative for a credit, as a
    proration's "unused time" line is) for the plan of `price_id`."""

    price_id: str | None
    amount: int


def credits_for(lines: tuple[InvoiceLine, ...], plans: dict[str, Plan],
                currency: str) -> int:
    """The credits a paid invoice grants: each line's share of its plan's monthly price buys
    that share of the plan's credits (a whole month's line buys all of them, a proration
    the difference between the plans for the rest of the period). Lines of unknown prices or
    another currency grant nothing; an invoice never takes credits away."""
    total = 0.0
    for line in lines:
        plan = plans.get(line.price_id or "")
        if plan is None or plan.price.currency != currency:
            continue
        total += line.amount * plan.credits / plan.price.amount
    return max(0, round(total))


@dataclass(frozen=True, slots=True, kw_only=True)
class Subscription:
    """One subscription of a user at a provider (`ref` is the provider's id for it), as
    merged from every fact received about it. `user_id` is None once the account is erased."""

    user_id: UserId | None
    provider: str
    ref: str
    state: SubscriptionState
    created_at: datetime
    updated_at: datetime

    @classmethod
    def start(cls, *, user_id: UserId, provider: str, ref: str,
              now: datetime) -> Subscription:
        return cls(user_id=user_id, provider=provider, ref=ref, state=SubscriptionState(),
                   created_at=now, updated_at=now)

    def merge(self, fact: SubscriptionFact, now: datetime) -> Subscription:
        state = self.state.merge(fact)
        return self if state == self.state else replace(self, state=state, updated_at=now)


class NoSubscription(NotFound):
    default_message = "You have no subscription."


class AlreadySubscribed(Conflict):
    default_message = ("You already have a subscription; change its plan or cancel it from "
                       "the billing portal.")
