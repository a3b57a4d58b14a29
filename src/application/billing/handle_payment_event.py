from enum import StrEnum

import structlog

from application.audit_trail import AuditTrail
from application.billing.apply_subscription_event import ApplySubscriptionEvent
from domain.payment_events import PaymentEvent
from domain.payments import Payment, PaymentOutcome, PaymentStatus
from domain.ports.payment_gateway import PaymentEventReader
from domain.ports.payments import PaymentRepository, ProcessedEvents
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.quota import LedgerReason
from domain.subscription_events import SubscriptionEvent

log = structlog.get_logger("tesigo.payments")


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)


class EventResult(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"


class HandlePaymentEvent:
    """Apply one webhook delivery of the payment provider, exactly once.

    - the signature is verified before the payload is read; nothing is written otherwise
    - the event id is recorded in the same transaction as the event's effect, under a
      unique constraint: a duplicate, also a concurrent one, changes nothing
    - the payment is locked while the event applies, so events about one payment apply
      one after the other; its state only moves forward, whatever the order of arrival
    - a payment that succeeds grants its pack's credits; a refund of a succeeded payment
      takes them back (the balance may go below zero), less any that already expired at
      the end of a plan's period; each is a ledger entry
    - an event reporting another amount or currency than the payment's grants nothing
    - events about unknown payments and of other types are recorded and ignored
    - events about subscriptions are applied by ApplySubscriptionEvent, under the same
      record of their id; one saying which payment intent collected a plan's invoice links
      them, so a refund naming the intent finds the period it paid
    """

    def __init__(self, reader: PaymentEventReader, processed: ProcessedEvents,
                 payments: PaymentRepository, ledger: QuotaLedger, audit: AuditTrail,
                 tx: TransactionManager, clock: Clock,
                 subscriptions: ApplySubscriptionEvent) -> None:
        self._reader, self._processed, self._payments = reader, processed, payments
        self._ledger, self._audit, self._tx, self._clock = ledger, audit, tx, clock
        self._subscriptions = subscriptions

    @property
    def signature_header(self) -> str:
        """The HTTP header the provider signs its deliveries in."""
        return self._reader.signature_header

    async def __call__(self, payload: bytes, signature: str | None) -> EventResult:
        now = self._clock.now()
        event = self._reader.read(payload, signature, now)
        if not await self._processed.record(event.id, event.type, now):
            await self._tx.rollback()
            return EventResult.DUPLICATE
        if isinstance(event, SubscriptionEvent):
            applied = await self._subscriptions(event)
            result = EventResult.APPLIED if applied else EventResult.IGNORED
        else:
            result = await self._apply(event)
        await self._tx.commit()
        log.info("payment event", event_id=event.id, type=event.type, result=result.value)
        return result

    async def _apply(self, event: PaymentEvent) -> EventResult:
        if event.invoice_ref is not None and event.payment_intent_id is not None:
            await self._payments.link_intent(event.invoice_ref, event.payment_intent_id,
                                             self._clock.now())
            return EventResult.APPLIED
        payment = await self._payment_of(event)
        if payment is None:
            return EventResult.IGNORED
        now = self._clock.now()
        if event.payment_intent_id and payment.payment_intent_id is None:
            payment = payment.with_intent(event.payment_intent_id, now)
            await self._payments.save(payment)
        if event.outcome is None:
            return EventResult.IGNORED
        if event.outcome is PaymentOutcome.PAID and not event.pays_for(payment):
            await self._flag("payment.amount_mismatch", event, payment)
            return EventResult.IGNORED
        change = payment.settle(event.outcome, now)
        if change is None:
            if event.outcome is PaymentOutcome.PAID and payment.status is PaymentStatus.FAILED:
                await self._flag("payment.paid_after_failure", event, payment)
            return EventResult.IGNORED
        await self._payments.save(change.payment)
        if change.credits and payment.user_id is not None:
            reason = LedgerReason.PURCHASE if change.credits > 0 else LedgerReason.REFUND
            await self._ledger.grant(payment.user_id, change.credits, reason, now, details={
                "payment_id": str(payment.id), "event_id": event.id, "pack_id": payment.pack_id})

        await self._audit.record(f"payment.{change.payment.status.value}", actor=None,
                                 target=f"payment:{payment.id}", event_id=event.id,
                                 user_id=_str(payment.user_id), credits=change.credits)
        return EventResult.APPLIED

    async def _payment_of(self, event: PaymentEvent) -> Payment | None:
        payment = None
        if event.payment_id is not None:
            payment = await self._payments.lock(event.payment_id)
        if payment is None and event.payment_intent_id is not None:
            payment = await self._payments.lock_by_intent(event.payment_intent_id)
        return payment

    async def _flag(self, action: str, event: PaymentEvent, payment: Payment) -> None:
        """Money the provider took that grants nothing (another amount than the payment's,
        or paid after the payment failed): recorded for an admin to settle by hand."""
        log.warning("payment event needs review", action=action, event_id=event.id,
                    payment_id=str(payment.id), status=payment.status.value)
        await self._audit.record(action, actor=None, target=f"payment:{payment.id}",
                                 event_id=event.id, user_id=_str(payment.user_id),
                                 paid=None if event.paid is None else
                                 f"{event.paid.amount} {event.paid.currency}")
