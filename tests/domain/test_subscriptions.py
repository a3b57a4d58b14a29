"""A subscription merged from its provider's facts ends in the same state whatever order
they arrive in and however often each arrives; a paid invoice buys its lines' share of
their plans' credits."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.payments import Money
from domain.subscriptions import (
    InvoiceLine,
    Plan,
    SubscriptionFact,
    SubscriptionState,
    SubscriptionStatus,
    credits_for,
)

S = SubscriptionStatus
T0 = datetime(2026, 1, 1, tzinfo=UTC)
MONTH = timedelta(days=30)
BASIC = Plan(id="basic", name="Basic", credits=1_000, price=Money(1_000, "eur"),
             stripe_price_id="price_basic")
PRO = Plan(id="pro", name="Pro", credits=3_000, price=Money(2_000, "eur"), rollover=True,
           stripe_price_id="price_pro")
PLANS = {"price_basic": BASIC, "price_pro": PRO}


def at(days: float, seconds: int = 0) -> datetime:
    return T0 + timedelta(days=days, seconds=seconds)


def period(n: int) -> Any:
    """The n-th month's bounds, as SubscriptionFact's keyword arguments."""
    return {"period_start": T0 + n * MONTH, "period_end": T0 + (n + 1) * MONTH}


# A life: created (incomplete and active in the same second), renewed three times, a
# renewal fails and is recovered, upgraded to Pro, set to cancel at the period's end, ended.
LIFE = (
    SubscriptionFact(event_id="evt_9created", at=at(0), status=S.INCOMPLETE, plan_id="basic",
                     cancel_at_period_end=False, **period(0)),
    SubscriptionFact(event_id="evt_1active", at=at(0), status=S.ACTIVE, plan_id="basic",
                     **period(0)),
    *(SubscriptionFact(event_id=f"evt_renew{n}", at=T0 + n * MONTH, status=S.ACTIVE,
                       plan_id="basic", **period(n)) for n in (1, 2, 3)),
    SubscriptionFact(event_id="evt_failed", at=T0 + 4 * MONTH, status=S.PAST_DUE, **period(4)),
    SubscriptionFact(event_id="evt_recovered", at=T0 + 4 * MONTH + timedelta(days=3),
                     status=S.ACTIVE),
    SubscriptionFact(event_id="evt_upgrade", at=T0 + 4 * MONTH + timedelta(days=10),
                     status=S.ACTIVE, plan_id="pro", cancel_at_period_end=False),
    SubscriptionFact(event_id="evt_cancel", at=T0 + 4 * MONTH + timedelta(days=20),
                     status=S.ACTIVE, cancel_at_period_end=True),
    SubscriptionFact(event_id="evt_deleted", at=T0 + 5 * MONTH, status=S.CANCELED),
)


def merged(facts: list[SubscriptionFact]) -> SubscriptionState:
    state = SubscriptionState()
    for fact in facts:
        state = state.merge(fact)
    return state


def test_the_life_in_order_ends_canceled_on_pro() -> None:
    state = merged(list(LIFE))
    assert state.status is S.CANCELED and not state.live
    assert state.plan_id == "pro" and state.cancel_at_period_end
    assert (state.period_start, state.period_end) == (T0 + 4 * MONTH, T0 + 5 * MONTH)
    assert state.ended_at == T0 + 5 * MONTH


@given(st.permutations(LIFE), st.lists(st.sampled_from(LIFE), max_size=8))
def test_any_order_with_duplicates_ends_in_the_same_state(
        order: list[SubscriptionFact], duplicates: list[SubscriptionFact]) -> None:
    assert merged([*order, *duplicates]) == merged(list(LIFE))


@given(st.lists(st.sampled_from(LIFE[:-1]), min_size=1))
def test_without_the_end_it_is_never_canceled_and_the_newest_status_holds(
        facts: list[SubscriptionFact]) -> None:
    state = merged(facts)
    newest = max((f for f in facts if f.status is not None),
                 key=lambda f: (f.at, f.status is not S.INCOMPLETE, f.event_id))
    assert state.live and state.status is newest.status


def test_a_failed_renewal_reported_after_its_recovery_leaves_it_active() -> None:
    recovered, failed = LIFE[6], LIFE[5]
    assert merged([recovered, failed]).status is S.ACTIVE
    assert merged([failed]).status is S.PAST_DUE


def test_the_opening_status_loses_to_another_in_the_same_second() -> None:
    opened, active = LIFE[0], LIFE[1]
    assert opened.event_id > active.event_id  # the id alone would let "incomplete" win
    assert merged([active, opened]).status is S.ACTIVE


def test_an_ended_subscription_stays_ended_and_keeps_its_first_end() -> None:
    late = SubscriptionFact(event_id="evt_zlate", at=at(400), status=S.ACTIVE)
    again = SubscriptionFact(event_id="evt_again", at=at(500), status=S.CANCELED)
    state = merged([LIFE[-1], late, again])
    assert state.status is S.CANCELED and state.ended_at == LIFE[-1].at


def test_merging_a_fact_already_held_changes_nothing() -> None:
    state = merged(list(LIFE[:4]))
    assert state.merge(LIFE[2]) == state


def test_a_whole_month_buys_the_plan_and_a_proration_the_difference() -> None:
    assert credits_for((InvoiceLine(price_id="price_basic", amount=1_000),), PLANS, "eur") == 1_000
    half_upgrade = (InvoiceLine(price_id="price_basic", amount=-500),
                    InvoiceLine(price_id="price_pro", amount=1_000))
    assert credits_for(half_upgrade, PLANS, "eur") == 1_000  # -500 + 1500
    downgrade = (InvoiceLine(price_id="price_pro", amount=-1_000),
                 InvoiceLine(price_id="price_basic", amount=500))
    assert credits_for(downgrade, PLANS, "eur") == 0


def test_unknown_prices_and_other_currencies_grant_nothing() -> None:
    lines = (InvoiceLine(price_id="price_other", amount=1_000),
             InvoiceLine(price_id=None, amount=1_000))
    assert credits_for(lines, PLANS, "eur") == 0
    assert credits_for((InvoiceLine(price_id="price_basic", amount=1_000),), PLANS, "usd") == 0


def test_a_plan_checks_itself() -> None:
    with pytest.raises(InvalidInput):
        Plan(id="Bad Id", name="x", credits=1, price=Money(1, "eur"))
    with pytest.raises(InvalidInput):
        Plan(id="free", name="Free", credits=1, price=Money(0, "eur"))
    assert BASIC.price_id("stripe") == "price_basic" and BASIC.price_id("paddle") is None
