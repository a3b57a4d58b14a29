"""One subscription's life at Paddle, played as signed notifications through the real webhook
use case on the in-memory adapters, each delivered any number of times and in any order:
once every notification sent has arrived, the stored subscription is where the life's last
step left it, and at every moment each paid transaction delivered has granted its credits
exactly once (`transaction.paid` and `transaction.completed` of one transaction included).

The life: subscribed to "basic" (period 1 paid), renewed three times, a renewal that fails
and is then paid, an upgrade to "pro" billed with a proration (a credit for the unused
basic, a charge for the rest of pro), cancelled at the period's end, ended.
"""

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from tests.paddle_billing_events import Period, subscription_event, transaction_event
from tests.paddle_signing import paddle_signature
from tests.payment_handling import PAGES, handle_payment_event

from adapters.memory.database import InMemoryDatabase
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.subscriptions import (
    InMemoryBillingCustomers,
    InMemorySubscriptionRepository,
)
from adapters.memory.system import FixedClock, SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.paddle.events import PaddleEventReader
from application.billing.handle_payment_event import EventResult
from application.billing.policy import BillingPolicy
from domain.ids import UserId
from domain.payments import Money
from domain.quota import LedgerReason
from domain.subscriptions import InvoiceLine, Plan, SubscriptionStatus, credits_for

T = TypeVar("T")
SECRET = "pdl_ntfset_machine_0123456789abcdef"
USER = UserId(UUID(int=7))
CUSTOMER, SUB = "ctm_01machine000000000000000", "sub_01machine000000000000000"
BASIC = Plan(id="basic", name="Basic", credits=10_000, price=Money(1000, "eur"),
             paddle_price_id="pri_01basic")
PRO = Plan(id="pro", name="Pro", credits=30_000, price=Money(2500, "eur"),
           paddle_price_id="pri_01pro")
POLICY = BillingPolicy(packs=(), pages=PAGES, enabled=True, plans=(BASIC, PRO),
                       provider="paddle")
START = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
DAY, SECOND = timedelta(days=1), timedelta(seconds=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sent:
    """One notification; `paid` names the transaction it reports paid, with its lines."""

    id: str
    payload: bytes
    paid: tuple[str, tuple[InvoiceLine, ...]] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Expected:
    status: SubscriptionStatus
    plan_id: str
    period: Period
    cancel_at_period_end: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    events: tuple[Sent, ...]
    then: Expected


def period(n: int) -> Period:
    return START + (n - 1) * 30 * DAY, START + n * 30 * DAY


class Life:
    """Builds the steps; each step's notifications occur a second apart from `day`."""

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def step(self, day: int, then: Expected, *kinds: tuple[str, dict[str, Any]]) -> None:
        n = len(self.steps)
        events = []
        for i, (kind, fields) in enumerate(kinds):
            event_id = f"evt_{n:02d}_{i}"
            at = START + day * DAY + i * SECOND
            if kind.startswith("subscription."):
                payload = subscription_event(event_id, kind, occurred_at=at, **self.sub(fields))
                events.append(Sent(id=event_id, payload=payload))
                continue
            txn, lines = fields["txn"], fields.get("lines", ((BASIC, 1000),))
            payload = transaction_event(
                event_id, kind, occurred_at=at, transaction_id=txn, subscription_id=SUB,
                customer_id=CUSTOMER, period=fields.get("period"),
                prorated=len(lines) > 1,
                lines=[(plan.paddle_price_id, amount) for plan, amount in lines])
            paid = None if kind == "transaction.payment_failed" else (
                txn, tuple(InvoiceLine(price_id=plan.paddle_price_id, amount=amount)
                           for plan, amount in lines))
            events.append(Sent(id=event_id, payload=payload, paid=paid))
        self.steps.append(Step(events=tuple(events), then=then))

    @staticmethod
    def sub(fields: dict[str, Any]) -> dict[str, Any]:
        rest = {name: value for name, value in fields.items() if name != "plan"}
        return {**rest, "price_id": fields["plan"].paddle_price_id, "subscription_id": SUB,
                "customer_id": CUSTOMER}


def paid_period(txn: str, n: int) -> list[tuple[str, dict[str, Any]]]:
    return [(kind, {"txn": txn, "period": period(n)})
            for kind in ("transaction.paid", "transaction.completed")]


def the_life() -> list[Step]:
    life = Life()
    active = SubscriptionStatus.ACTIVE
    life.step(0, Expected(status=active, plan_id="basic", period=period(1)),
              ("subscription.created", {"plan": BASIC, "period": period(1)}),
              *paid_period("txn_01", 1))
    for n in (2, 3, 4):
        life.step(30 * (n - 1), Expected(status=active, plan_id="basic", period=period(n)),
                  *paid_period(f"txn_{n:02d}", n),
                  ("subscription.updated", {"plan": BASIC, "period": period(n)}))
    life.step(120, Expected(status=SubscriptionStatus.PAST_DUE, plan_id="basic",
                            period=period(5)),
              ("transaction.payment_failed", {"txn": "txn_05", "period": period(5)}),
              ("subscription.past_due", {"plan": BASIC, "status": "past_due",
                                         "period": period(5)}))
    life.step(123, Expected(status=active, plan_id="basic", period=period(5)),
              *paid_period("txn_05", 5),
              ("subscription.updated", {"plan": BASIC, "period": period(5)}))
    upgraded = START + 135 * DAY
    life.step(135, Expected(status=active, plan_id="pro", period=period(5)),
              ("subscription.updated", {"plan": PRO, "period": period(5)}),
              *[(kind, {"txn": "txn_06", "period": (upgraded, period(5)[1]),
                        "lines": ((BASIC, -500), (PRO, 1250))})
                for kind in ("transaction.paid", "transaction.completed")])
    life.step(140, Expected(status=active, plan_id="pro", period=period(5),
                            cancel_at_period_end=True),
              ("subscription.updated", {"plan": PRO, "period": period(5),
                                        "scheduled_change": "cancel"}))
    life.step(150, Expected(status=SubscriptionStatus.CANCELED, plan_id="pro",
                            period=period(5)),
              ("subscription.canceled", {"plan": PRO, "status": "canceled", "period": None,
                                         "canceled_at": period(5)[1]}))
    return life.steps


LIFE = the_life()


class PaddleSubscriptionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.db = InMemoryDatabase()
        self.clock = FixedClock(START + 200 * DAY)
        self.ids = SequentialIdGenerator()
        self.reader = PaddleEventReader([SECRET])
        self.happened = 0
        self.sent: list[Sent] = []
        self.delivered: set[str] = set()
        tx = InMemoryTransactionManager(self.db)
        self.run(InMemoryBillingCustomers(tx).add("paddle", USER, CUSTOMER, self.clock.now()))
        self.run(tx.commit())

    def teardown(self) -> None:
        self.loop.close()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    @rule()
    def provider_moves(self) -> None:
        """The next step of the life happens at Paddle; its notifications are sent."""
        if self.happened < len(LIFE):
            self.sent.extend(LIFE[self.happened].events)
            self.happened += 1

    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        """Any notification sent so far arrives (again, or overtaking those before it)."""
        if self.sent:
            self.deliver_one(data.draw(st.sampled_from(self.sent)))

    @rule(data=st.data())
    def deliver_the_rest(self, data: st.DataObject) -> None:
        """Every notification not yet delivered arrives, in any order."""
        pending = [sent for sent in self.sent if sent.id not in self.delivered]
        for sent in data.draw(st.permutations(pending)):
            self.deliver_one(sent)

    def deliver_one(self, sent: Sent) -> None:
        tx = InMemoryTransactionManager(self.db)
        handle = handle_payment_event(self.reader, tx, self.clock, self.ids, POLICY)
        header = paddle_signature(sent.payload, SECRET, int(self.clock.now().timestamp()))
        result = self.run(handle(sent.payload, header))
        assert (result is EventResult.DUPLICATE) == (sent.id in self.delivered)
        self.delivered.add(sent.id)

    @invariant()
    def once_all_arrived_the_subscription_is_where_the_life_is(self) -> None:
        if not {sent.id for sent in self.sent} <= self.delivered:
            return
        tx = InMemoryTransactionManager(self.db)
        stored = self.run(InMemorySubscriptionRepository(tx).get("paddle", SUB))
        if self.happened == 0:
            assert stored is None
            return
        assert stored is not None and stored.user_id == USER
        state, then = stored.state, LIFE[self.happened - 1].then
        assert (state.status, state.plan_id, (state.period_start, state.period_end),
                state.cancel_at_period_end) == (then.status, then.plan_id, then.period,
                                                then.cancel_at_period_end)

    @invariant()
    def each_paid_transaction_delivered_granted_its_credits_once(self) -> None:
        ledger = InMemoryQuotaLedger(InMemoryTransactionManager(self.db), self.ids)
        entries = [e for e in self.run(ledger.entries(USER))
                   if e.reason is LedgerReason.SUBSCRIPTION]
        granted = [(e.details["invoice"], e.delta) for e in entries]
        paid = {sent.paid for sent in self.sent
                if sent.paid is not None and sent.id in self.delivered}
        expected = sorted((txn, credits_for(lines, POLICY.plans_by_price(), "eur"))
                          for txn, lines in paid)
        assert sorted(granted) == expected


PaddleSubscriptionMachine.TestCase.settings = settings(max_examples=60,
                                                       stateful_step_count=40,
                                                       deadline=None)
TestPaddleSubscriptionLife = PaddleSubscriptionMachine.TestCase


def test_the_life_grants_each_period_and_the_upgrades_difference():
    paid = {sent.paid for step in LIFE for sent in step.events if sent.paid is not None}
    credits = sorted(credits_for(lines, POLICY.plans_by_price(), "eur") for _, lines in paid)

    assert credits == [10_000] * 6  # five basic months, and 15,000 pro less 5,000 basic
