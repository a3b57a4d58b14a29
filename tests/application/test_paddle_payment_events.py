"""Paddle's notifications through the real webhook use case on the in-memory adapters: a
transaction paid (twice: `transaction.paid` then `transaction.completed`) grants its pack
once, and the approved full refund that follows, named only by the transaction, takes it
back."""

from datetime import UTC, datetime
from uuid import UUID

import pytest
from tests.paddle_events import adjustment_event, transaction_event
from tests.paddle_signing import paddle_signature
from tests.payment_handling import handle_payment_event

from adapters.memory.database import InMemoryDatabase
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.system import FixedClock, SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.paddle.events import PaddleEventReader
from application.billing.handle_payment_event import EventResult
from domain.ids import PaymentId, UserId
from domain.payments import CreditPack, Money, Payment, PaymentStatus
from domain.quota import QuotaLimits

SECRET = "pdl_ntfset_flow"
USER = UserId(UUID(int=7))
PACK = CreditPack(id="starter", name="Starter", credits=1_000, price=Money(500, "eur"))
LIMITS = QuotaLimits(daily_tokens=10**9, global_daily_tokens=10**9)
PAYMENT = PaymentId(UUID(int=100))
TXN = "txn_01hv8wptq8987qeep44cyrewp9"


class Flow:
    def __init__(self) -> None:
        self.db = InMemoryDatabase()
        self.clock = FixedClock(datetime(2026, 1, 1, 10, 0, tzinfo=UTC))
        self.ids = SequentialIdGenerator()

    async def open(self) -> None:
        tx = InMemoryTransactionManager(self.db)
        payment = Payment.open(id=PAYMENT, user_id=USER, pack=PACK, now=self.clock.now())
        await InMemoryPaymentRepository(tx).add(payment.with_checkout(TXN, self.clock.now()))
        await tx.commit()

    async def deliver(self, payload: bytes) -> EventResult:
        tx = InMemoryTransactionManager(self.db)
        handle = handle_payment_event(PaddleEventReader([SECRET]), tx, self.clock, self.ids)
        header = paddle_signature(payload, SECRET, int(self.clock.now().timestamp()))
        return await handle(payload, header)

    async def credits(self) -> int:
        ledger = InMemoryQuotaLedger(InMemoryTransactionManager(self.db), self.ids)
        return (await ledger.balance(USER, self.clock.now(), LIMITS)).credits

    def payment(self) -> Payment:
        payment: Payment = self.db.tables["payments"][PAYMENT]
        return payment


@pytest.fixture
async def flow() -> Flow:
    flow = Flow()
    await flow.open()
    return flow


async def test_a_paid_transaction_grants_once_and_its_full_refund_takes_it_back(flow):
    paid = transaction_event("evt_1", "transaction.paid", payment_id=PAYMENT, transaction_id=TXN)
    completed = transaction_event("evt_2", "transaction.completed", payment_id=PAYMENT,
                                  transaction_id=TXN)

    assert await flow.deliver(paid) is EventResult.APPLIED
    assert await flow.deliver(completed) is EventResult.IGNORED
    assert await flow.deliver(paid) is EventResult.DUPLICATE
    assert (flow.payment().status, flow.payment().payment_intent_id) == (
        PaymentStatus.SUCCEEDED, TXN)
    assert await flow.credits() == 1_000

    pending = adjustment_event("evt_3", "adjustment.created", status="pending_approval",
                               transaction_id=TXN)
    approved = adjustment_event("evt_4", "adjustment.updated", transaction_id=TXN)
    assert await flow.deliver(pending) is EventResult.IGNORED
    assert await flow.deliver(approved) is EventResult.APPLIED

    assert flow.payment().status is PaymentStatus.REFUNDED
    assert await flow.credits() == 0


async def test_a_transaction_paid_for_another_amount_grants_nothing(flow):
    payload = transaction_event("evt_1", "transaction.completed", payment_id=PAYMENT,
                                transaction_id=TXN, grand_total="499")

    assert await flow.deliver(payload) is EventResult.IGNORED
    assert flow.payment().status is PaymentStatus.PENDING
    assert await flow.credits() == 0


async def test_a_failed_attempt_then_a_cancel_fails_the_payment(flow):
    attempt = transaction_event("evt_1", "transaction.payment_failed", payment_id=PAYMENT,
                                transaction_id=TXN)
    canceled = transaction_event("evt_2", "transaction.canceled", payment_id=PAYMENT,
                                 transaction_id=TXN)

    assert await flow.deliver(attempt) is EventResult.IGNORED
    assert flow.payment().status is PaymentStatus.PENDING
    assert await flow.deliver(canceled) is EventResult.APPLIED
    assert flow.payment().status is PaymentStatus.FAILED
