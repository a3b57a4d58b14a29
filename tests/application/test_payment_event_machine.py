"""Random deliveries of Stripe's events, duplicated and reordered at will, through the real
webhook use case on the in-memory adapters: whatever arrives in whatever order, each payment
ends where its provider-side history says, and the credits granted are exactly the packs
paid minus the packs refunded."""

import asyncio
from collections.abc import Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from tests.payment_handling import handle_payment_event
from tests.stripe_events import checkout_event, refund_event
from tests.stripe_signing import signature_header

from adapters.memory.database import InMemoryDatabase
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.system import FixedClock, SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.stripe.events import StripeEventReader
from application.billing.handle_payment_event import HandlePaymentEvent
from domain.ids import PaymentId, UserId
from domain.payments import CreditPack, Money, Payment, PaymentStatus
from domain.quota import LedgerReason, QuotaLimits

T = TypeVar("T")
SECRET = "whsec_machine"
USER = UserId(UUID(int=7))
PACKS = [CreditPack(id=f"pack-{n}", name=f"Pack {n}", credits=1_000 * n,
                    price=Money(100 * n, "eur")) for n in (1, 2, 3)]
LIMITS = QuotaLimits(daily_tokens=10**9, global_daily_tokens=10**9)
# What can happen to a payment at the provider, in the order it happens there.
HISTORIES = [
    ("paid",), ("paid", "refund"), ("expired",), ("unpaid", "async_failed"),
    ("unpaid", "async_paid"), ("unpaid", "async_paid", "refund"), (),
]


class PaymentEventMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.db = InMemoryDatabase()
        self.clock = FixedClock(datetime(2026, 5, 1, 12, 0, tzinfo=UTC))
        self.ids = SequentialIdGenerator()
        self.reader = StripeEventReader((SECRET,))
        self.payments: list[Payment] = []
        self.history: dict[PaymentId, tuple[str, ...]] = {}
        self.happened: dict[PaymentId, int] = {}
        self.sent: list[tuple[PaymentId, str, bytes]] = []
        self.delivered: set[str] = set()
        tx = InMemoryTransactionManager(self.db)
        for n, pack in enumerate(PACKS * 2):
            payment = Payment.open(id=PaymentId(UUID(int=100 + n)), user_id=USER, pack=pack,
                                   now=self.clock.now())
            self.run(InMemoryPaymentRepository(tx).add(payment))
            self.payments.append(payment)
            self.happened[payment.id] = 0
        self.run(tx.commit())

    def teardown(self) -> None:
        self.loop.close()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    @rule(data=st.data())
    def choose_history(self, data: st.DataObject) -> None:
        payment = data.draw(st.sampled_from(self.payments))
        if payment.id not in self.history:
            self.history[payment.id] = data.draw(st.sampled_from(HISTORIES))

    @rule(data=st.data())
    def provider_moves(self, data: st.DataObject) -> None:
        """The next thing happens to a payment at the provider; its event is sent."""
        chosen = [p for p in self.payments if self.happened[p.id] < len(self.history.get(p.id, ()))]
        if not chosen:
            return
        payment = data.draw(st.sampled_from(chosen))
        step = self.history[payment.id][self.happened[payment.id]]
        self.happened[payment.id] += 1
        event_id = f"evt_{len(self.sent) + 1}"
        self.sent.append((payment.id, event_id, self.payload(payment, step, event_id)))

    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        """Any event sent so far arrives (again, or overtaking those sent before it)."""
        if not self.sent:
            return
        _, event_id, payload = data.draw(st.sampled_from(self.sent))
        header = signature_header(payload, SECRET, int(self.clock.now().timestamp()))
        self.run(self.handle()(payload, header))
        self.delivered.add(event_id)

    def handle(self) -> HandlePaymentEvent:
        tx = InMemoryTransactionManager(self.db)
        return handle_payment_event(self.reader, tx, self.clock, self.ids)

    @staticmethod
    def payload(payment: Payment, step: str, event_id: str) -> bytes:
        intent = f"pi_{payment.id.int}"
        amount = payment.price.amount
        kinds = {"paid": ("checkout.session.completed", "paid"),
                 "unpaid": ("checkout.session.completed", "unpaid"),
                 "async_paid": ("checkout.session.async_payment_succeeded", "paid"),
                 "async_failed": ("checkout.session.async_payment_failed", "unpaid"),
                 "expired": ("checkout.session.expired", "unpaid")}
        if step == "refund":
            return refund_event(event_id, payment_id=str(payment.id), payment_intent=intent,
                                amount=amount)
        event_type, status = kinds[step]
        return checkout_event(event_id, event_type, payment_id=str(payment.id),
                              payment_status=status, amount=amount, payment_intent=intent)

    def stored(self) -> list[Payment]:
        return sorted(self.db.tables["payments"].values(), key=lambda p: p.id)

    def expected(self, payment_id: PaymentId) -> PaymentStatus:
        steps = self.history.get(payment_id, ())[:self.happened[payment_id]]
        if "refund" in steps:
            return PaymentStatus.REFUNDED
        if "paid" in steps or "async_paid" in steps:
            return PaymentStatus.SUCCEEDED
        if "expired" in steps or "async_failed" in steps:
            return PaymentStatus.FAILED
        return PaymentStatus.PENDING

    @invariant()
    def every_fully_delivered_payment_is_where_its_history_ends(self) -> None:
        for payment in self.stored():
            sent = {event_id for pid, event_id, _ in self.sent if pid == payment.id}
            if sent <= self.delivered:
                assert payment.status is self.expected(payment.id), payment

    @invariant()
    def credits_are_packs_paid_minus_packs_refunded(self) -> None:
        tx = InMemoryTransactionManager(self.db)
        ledger = InMemoryQuotaLedger(tx, self.ids)
        entries = self.run(ledger.entries(USER))
        granted = sum(e.delta for e in entries if e.reason is LedgerReason.PURCHASE)
        refunded = -sum(e.delta for e in entries if e.reason is LedgerReason.REFUND)
        balance = self.run(ledger.balance(USER, self.clock.now(), LIMITS))
        succeeded = sum(p.credits for p in self.stored() if p.status is PaymentStatus.SUCCEEDED)
        assert balance.credits == granted - refunded == succeeded
        per_payment = [e.details["payment_id"] for e in entries]
        assert all(per_payment.count(pid) <= 2 for pid in per_payment)


PaymentEventMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40,
                                                 deadline=None)
TestPaymentEvents = PaymentEventMachine.TestCase
