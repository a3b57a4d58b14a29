from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from adapters.memory.database import (
    INVOICE_INTENTS,
    PAYMENT_INTENTS,
    PAYMENT_INVOICES,
    PAYMENTS,
)
from adapters.memory.pages import page_of
from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import Conflict, NotFound
from domain.ids import PaymentId, UserId
from domain.pages import Page, PageRequest
from domain.payments import Payment, PaymentStatus
from domain.ports.payments import PaymentRepository


class InMemoryPaymentRepository(PaymentRepository):
    """Payments as rows, with a unique index of payment intents (`payment_intents`: intent →
    payment id) checked when written and again on commit, as a unique constraint would be.

    Like the SQL adapter's SELECT ... FOR UPDATE, `lock`, `lock_by_intent` and `save` take
    the payment's row, waiting (up to 10 s) for another transaction that holds it to
    end, and then read what that transaction left.
    """

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, payment: Payment) -> None:
        self._claim_intent(payment)
        if payment.invoice_ref is not None:
            if self._tx.get(PAYMENT_INVOICES, payment.invoice_ref) is not None:
                raise Conflict("Another payment already has that invoice.")
            self._tx.put(PAYMENT_INVOICES, payment.invoice_ref, payment.id, guard=Conflict)
        self._tx.put(PAYMENTS, payment.id, payment)

    async def get(self, owner: UserId, id: PaymentId) -> Payment:
        payment: Payment | None = self._tx.get(PAYMENTS, id)
        if payment is None or payment.user_id != owner:
            raise NotFound("No such payment.")
        return payment

    async def lock(self, id: PaymentId) -> Payment | None:
        if self._tx.get(PAYMENTS, id) is None:
            return None
        await self._tx.wait_for_row(PAYMENTS, id)
        payment: Payment | None = self._tx.get(PAYMENTS, id)
        return payment

    async def lock_by_intent(self, payment_intent_id: str) -> Payment | None:
        id: PaymentId | None = self._tx.get(PAYMENT_INTENTS, payment_intent_id)
        payment = None if id is None else await self.lock(id)
        if payment is not None and payment.payment_intent_id == payment_intent_id:
            return payment  # (else changed while this waited: a database re-checks its WHERE)
        invoice: str | None = self._tx.get(INVOICE_INTENTS, payment_intent_id)
        linked = None if invoice is None else await self.by_invoice(invoice)
        return None if linked is None else await self.lock(linked.id)

    async def link_intent(self, invoice_ref: str, payment_intent_id: str,
                          now: datetime) -> None:
        if self._tx.get(INVOICE_INTENTS, payment_intent_id) is None:
            self._tx.put(INVOICE_INTENTS, payment_intent_id, invoice_ref)

    async def save(self, payment: Payment) -> None:
        await self._tx.wait_for_row(PAYMENTS, payment.id)
        stored: Payment | None = self._tx.get(PAYMENTS, payment.id)
        if stored is None:
            raise NotFound("No such payment.")
        if stored.payment_intent_id != payment.payment_intent_id:
            self._claim_intent(payment)
            if stored.payment_intent_id is not None:
                self._tx.remove(PAYMENT_INTENTS, stored.payment_intent_id)
        self._tx.put(PAYMENTS, payment.id, payment)

    async def by_invoice(self, invoice_ref: str) -> Payment | None:
        id: PaymentId | None = self._tx.get(PAYMENT_INVOICES, invoice_ref)
        payment: Payment | None = None if id is None else self._tx.get(PAYMENTS, id)
        return payment

    async def expiring(self, now: datetime, limit: int) -> Sequence[Payment]:
        due = [payment for payment in self._payments()
               if payment.status is PaymentStatus.SUCCEEDED and payment.invoice_ref is not None
               and payment.period_end is not None and payment.period_end <= now
               and payment.expired_credits is None]
        return sorted(due, key=lambda payment: (payment.period_end, payment.id))[:limit]

    async def list(self, owner: UserId, page: PageRequest) -> Page[Payment]:
        owned = [payment for payment in self._payments() if payment.user_id == owner]
        return page_of(owned, page, newest_first=True,
                       key=lambda payment: (payment.created_at, payment.id))

    async def all_of(self, owner: UserId) -> Sequence[Payment]:
        return sorted((payment for payment in self._payments() if payment.user_id == owner),
                      key=lambda payment: (payment.created_at, payment.id))

    async def revenue(self) -> dict[str, int]:
        collected: Counter[str] = Counter()
        for payment in self._payments():
            if payment.status is PaymentStatus.SUCCEEDED:
                collected[payment.price.currency] += payment.price.amount
        return dict(collected)

    async def anonymise(self, owner: UserId) -> None:
        for payment in self._payments():
            if payment.user_id == owner:
                self._tx.put(PAYMENTS, payment.id, replace(payment, user_id=None))

    def _payments(self) -> Sequence[Payment]:
        payments: Sequence[Payment] = self._tx.rows(PAYMENTS)
        return payments

    def _claim_intent(self, payment: Payment) -> None:
        intent = payment.payment_intent_id
        if intent is None:
            return
        holder = self._tx.get(PAYMENT_INTENTS, intent)
        if holder is not None and holder != payment.id:
            raise Conflict("Another payment already has that payment intent.")
        self._tx.put(PAYMENT_INTENTS, intent, payment.id, guard=Conflict)
