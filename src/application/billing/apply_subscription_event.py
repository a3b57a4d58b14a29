import structlog

from application.audit_trail import AuditTrail
from application.billing.policy import BillingPolicy
from domain.ids import PaymentId, UserId
from domain.payments import Payment
from domain.ports.payments import PaymentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.system import Clock, IdGenerator
from domain.quota import LedgerReason
from domain.subscription_events import PaidInvoice, SubscriptionEvent
from domain.subscriptions import Subscription, credits_for

log = structlog.get_logger("tesigo.subscriptions")


class ApplySubscriptionEvent:
    """Apply one provider event about a subscription, inside the caller's transaction
    (which has recorded the event's id, so a duplicate never reaches here).

    - the subscription is found by its customer, whose mapping is locked first, so events
      about one customer apply one after the other; a customer we did not create, or of
      an erased account, is ignored
    - what the event says is merged into the subscription's state field by field, newest
      first (`SubscriptionState.merge`), so arrival order and duplicates do not matter
    - a paid invoice becomes a succeeded payment of its plan and grants the credits its
      lines buy (`credits_for`), once per invoice whatever else repeats; an invoice that
      collected nothing, or whose lines buy nothing we sell, grants nothing
    - a second live subscription of one account (two subscription pages opened and both
      paid) is applied like any other, and flagged in the audit log
      (`subscription.duplicate`) for an admin to cancel and refund
    Returns whether anything changed.
    """

    def __init__(self, customers: BillingCustomers, subscriptions: SubscriptionRepository,
                 payments: PaymentRepository, ledger: QuotaLedger, policy: BillingPolicy,
                 audit: AuditTrail, clock: Clock, ids: IdGenerator) -> None:
        self._customers, self._subscriptions = customers, subscriptions
        self._payments, self._ledger, self._policy = payments, ledger, policy
        self._audit, self._clock, self._ids = audit, clock, ids

    async def __call__(self, event: SubscriptionEvent) -> bool:
        provider = self._policy.provider
        user_id = await self._customers.lock_user_of(provider, event.customer_ref)
        if user_id is None:
            log.info("subscription event for an unknown customer", event_id=event.id)
            return False
        now = self._clock.now()
        held = await self._subscriptions.get(provider, event.subscription_ref)
        subscription = held or Subscription.start(user_id=user_id, provider=provider,
                                                  ref=event.subscription_ref, now=now)
        plan = self._policy.plan_of_price(event.price_id)
        merged = subscription.merge(event.fact_for(None if plan is None else plan.id), now)
        changed = merged is not subscription or held is None
        if held is None:
            await self._flag_duplicate(user_id, merged, event)
        if changed:
            await self._subscriptions.put(merged)
        if event.invoice is not None:
            changed = await self._grant(user_id, merged, event, event.invoice) or changed
        return changed

    async def _grant(self, user_id: UserId, subscription: Subscription,
                     event: SubscriptionEvent, invoice: PaidInvoice) -> bool:
        if await self._payments.by_invoice(invoice.ref) is not None:
            return False
        credits = credits_for(invoice.lines, self._policy.plans_by_price(),
                              invoice.paid.currency)
        if credits <= 0 or invoice.paid.amount <= 0:
            log.info("paid invoice grants nothing", event_id=event.id, invoice=invoice.ref)
            return False
        plan_id = self._plan_of(invoice) or subscription.state.plan_id or "subscription"
        now = self._clock.now()
        payment = Payment.for_period(
            id=PaymentId(self._ids.new_id()), user_id=user_id, plan_id=plan_id,
            paid=invoice.paid, credits=credits, invoice_ref=invoice.ref,
            period_end=invoice.period_end, payment_intent_id=invoice.payment_intent_id,
            now=now)
        await self._payments.add(payment)
        await self._ledger.grant(user_id, credits, LedgerReason.SUBSCRIPTION, now, details={
            "payment_id": str(payment.id), "event_id": event.id, "plan_id": plan_id,
            "invoice": invoice.ref, "subscription": subscription.ref})
        await self._audit.record("subscription.period_paid", actor=None,
                                 target=f"payment:{payment.id}", event_id=event.id,
                                 user_id=str(user_id), credits=credits)
        return True

    async def _flag_duplicate(self, user_id: UserId, new: Subscription,
                              event: SubscriptionEvent) -> None:
        current = await self._subscriptions.current(user_id)
        if current is not None and current.state.live and current.ref != new.ref:
            log.warning("second live subscription", event_id=event.id, subscription=new.ref)
            await self._audit.record("subscription.duplicate", actor=None,
                                     target=f"subscription:{new.ref}", event_id=event.id,
                                     user_id=str(user_id), live=current.ref)

    def _plan_of(self, invoice: PaidInvoice) -> str | None:
        """The plan the invoice's largest line is for (an upgrade's new plan)."""
        line = max(invoice.lines, key=lambda line: line.amount, default=None)
        plan = None if line is None else self._policy.plan_of_price(line.price_id)
        return None if plan is None else plan.id
