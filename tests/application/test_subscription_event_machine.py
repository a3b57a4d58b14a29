"""One subscription's life at Stripe (created, renewed three times, a renewal that fails and
is then paid, an upgrade with its proration, cancelled at the period's end, ended), sent as
signed webhook events in both of Stripe's API shapes and delivered in any order, any number
of times, through the real webhook use case on the in-memory adapters. Once every event sent
has arrived, the subscription is where the life says and the ledger holds exactly one grant
per paid invoice."""

import asyncio
from collections.abc import Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from tests.payment_handling import PAGES, handle_payment_event
from tests.stripe_billing_events import Line, invoice_event, subscription_event
from tests.stripe_signing import signature_header

from adapters.memory.database import InMemoryDatabase
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.subscriptions import (
    InMemoryBillingCustomers,
    InMemorySubscriptionRepository,
)
from adapters.memory.system import FixedClock, SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.stripe.events import StripeEventReader
from application.billing.policy import BillingPolicy
from domain.ids import UserId
from domain.payments import Money
from domain.quota import LedgerReason
from domain.subscriptions import Plan, SubscriptionStatus

T = TypeVar("T")
SECRET = "whsec_subscriptions"
USER, CUSTOMER, SUB = UserId(UUID(int=7)), "cus_TesiGo", "sub_TesiGo"
BASIC = Plan(id="basic", name="Basic", credits=10_000, price=Money(1_000, "eur"),
             stripe_price_id="price_basic")
PRO = Plan(id="pro", name="Pro", credits=25_000, price=Money(2_000, "eur"),
           stripe_price_id="price_pro")
POLICY = BillingPolicy(packs=(), pages=PAGES, enabled=True, plans=(BASIC, PRO))
DAY, START = 86_400, 1_767_225_600  # 2026-01-01
MONTH = 30 * DAY
ACTIVE, PAST_DUE = SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE


def period(n: int) -> tuple[int, int]:
    return START + (n - 1) * MONTH, START + n * MONTH


def sub(event: str, n: int, at: int, *, status: str = "active", price: str = "price_basic",
        cancel: bool = False, type: str = "customer.subscription.updated",
        ended_at: int | None = None):
    start, end = period(n)
    return lambda event_id, basil: subscription_event(
        event_id, type, subscription=SUB, customer=CUSTOMER, status=status, price=price,
        start=start, end=end, created=at, cancel_at_period_end=cancel, ended_at=ended_at,
        basil=basil)


def invoice(invoice_id: str, at: int, lines: list[Line], type: str = "invoice.paid"):
    """`invoice.paid` and `invoice.payment_succeeded` both report a paid invoice."""
    return lambda event_id, basil: invoice_event(
        event_id, type, invoice=invoice_id, subscription=SUB, customer=CUSTOMER, lines=lines,
        created=at, basil=basil)


def whole(n: int, price: str = "price_basic", amount: int = 1_000) -> list[Line]:
    start, end = period(n)
    return [Line(price, amount, start, end)]


def at(n: int, second: int = 0) -> int:
    """When period `n` starts, plus `second`: a step's events come a second apart."""
    return period(n)[0] + second


HALF = period(5)[0] + MONTH // 2
UPGRADE = [Line("price_basic", -500, HALF, period(5)[1], proration=True),
           Line("price_pro", 1_000, HALF, period(5)[1], proration=True)]
# Each step of the life: the events Stripe sends, and (status, plan, period, cancelling,
# credits granted so far) once they have all arrived.
LIFE = [
    ([sub("created", 1, at(1), status="incomplete", type="customer.subscription.created"),
      invoice("in_1", at(1, 1), whole(1)), sub("active", 1, at(1, 2))],
     (ACTIVE, "basic", 1, False, 10_000)),
    ([invoice("in_2", at(2), whole(2)), sub("renewed", 2, at(2, 1)),
      invoice("in_2", at(2), whole(2), type="invoice.payment_succeeded")],
     (ACTIVE, "basic", 2, False, 20_000)),
    ([invoice("in_3", at(3), whole(3)), sub("renewed", 3, at(3, 1))],
     (ACTIVE, "basic", 3, False, 30_000)),
    ([invoice("in_4", at(4), whole(4)), sub("renewed", 4, at(4, 1))],
     (ACTIVE, "basic", 4, False, 40_000)),
    ([invoice("in_5", at(5), whole(5), type="invoice.payment_failed"),
      sub("past_due", 5, at(5, 1), status="past_due")],
     (PAST_DUE, "basic", 5, False, 40_000)),
    ([invoice("in_5", at(5, DAY), whole(5)), sub("recovered", 5, at(5, DAY + 1))],
     (ACTIVE, "basic", 5, False, 50_000)),
    ([sub("upgraded", 5, HALF, price="price_pro"), invoice("in_6", HALF + 1, UPGRADE)],
     (ACTIVE, "pro", 5, False, 57_500)),
    ([sub("cancelling", 5, HALF + DAY, price="price_pro", cancel=True)],
     (ACTIVE, "pro", 5, True, 57_500)),
    ([sub("ended", 5, period(5)[1], price="price_pro", cancel=True, status="canceled",
          type="customer.subscription.deleted", ended_at=period(5)[1])],
     (SubscriptionStatus.CANCELED, "pro", 5, True, 57_500)),
]


class SubscriptionEventMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.db = InMemoryDatabase()
        self.clock = FixedClock(datetime(2026, 7, 1, tzinfo=UTC))
        self.ids = SequentialIdGenerator()
        self.reader = StripeEventReader((SECRET,))
        self.steps = 0
        self.sent: list[tuple[str, bytes]] = []
        self.delivered: set[str] = set()
        tx = InMemoryTransactionManager(self.db)
        self.run(InMemoryBillingCustomers(tx).add("stripe", USER, CUSTOMER, self.clock.now()))
        self.run(tx.commit())

    def teardown(self) -> None:
        self.loop.close()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    @rule()
    def stripe_moves(self) -> None:
        """The next step of the life happens at Stripe; its events are sent."""
        if self.steps == len(LIFE):
            return
        for build in LIFE[self.steps][0]:
            event_id = f"evt_{len(self.sent) + 1}"
            self.sent.append((event_id, build(event_id, len(self.sent) % 2 == 0)))
        self.steps += 1

    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        """Any event sent so far arrives (again, or overtaking those sent before it)."""
        if not self.sent:
            return
        self.handle(*data.draw(st.sampled_from(self.sent)))

    def handle(self, event_id: str, payload: bytes) -> None:
        header = signature_header(payload, SECRET, int(self.clock.now().timestamp()))
        tx = InMemoryTransactionManager(self.db)
        self.run(handle_payment_event(self.reader, tx, self.clock, self.ids, POLICY)(
            payload, header))
        self.delivered.add(event_id)

    @rule(data=st.data())
    def everything_arrives(self, data: st.DataObject) -> None:
        """Every event not yet delivered arrives, in any order."""
        waiting = [sent for sent in self.sent if sent[0] not in self.delivered]
        for event_id, payload in data.draw(st.permutations(waiting)):
            self.handle(event_id, payload)

    def granted(self) -> list[int]:
        ledger = InMemoryQuotaLedger(InMemoryTransactionManager(self.db), self.ids)
        return [entry.delta for entry in self.run(ledger.entries(USER))
                if entry.reason is LedgerReason.SUBSCRIPTION]

    @invariant()
    def never_more_than_one_grant_per_paid_invoice(self) -> None:
        invoices = [e.details["invoice"] for e in self.run(InMemoryQuotaLedger(
            InMemoryTransactionManager(self.db), self.ids).entries(USER))]
        assert len(invoices) == len(set(invoices))
        assert sum(self.granted()) <= LIFE[-1][1][4]

    @invariant()
    def once_all_arrived_the_state_and_ledger_are_the_lifes(self) -> None:
        if not self.steps or {event_id for event_id, _ in self.sent} != self.delivered:
            return
        status, plan, n, cancelling, credits = LIFE[self.steps - 1][1]
        stored = self.run(InMemorySubscriptionRepository(
            InMemoryTransactionManager(self.db)).get("stripe", SUB))
        assert stored is not None and stored.user_id == USER
        state = stored.state
        start, end = period(n)
        assert (state.status, state.plan_id, state.cancel_at_period_end) == (
            status, plan, cancelling)
        assert (state.period_start, state.period_end) == (
            datetime.fromtimestamp(start, UTC), datetime.fromtimestamp(end, UTC))
        assert sum(self.granted()) == credits


SubscriptionEventMachine.TestCase.settings = settings(max_examples=80, stateful_step_count=50,
                                                      deadline=None)
TestSubscriptionEvents = SubscriptionEventMachine.TestCase
