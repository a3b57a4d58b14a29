"""The webhook use case on the in-memory adapters of one transaction, for tests."""

from __future__ import annotations

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.processed_events import InMemoryProcessedEvents
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.subscriptions import (
    InMemoryBillingCustomers,
    InMemorySubscriptionRepository,
)
from adapters.memory.system import FixedClock, SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from application.audit_trail import AuditTrail
from application.billing.apply_subscription_event import ApplySubscriptionEvent
from application.billing.handle_payment_event import HandlePaymentEvent
from application.billing.policy import BillingPolicy
from domain.ports.payment_gateway import CheckoutPages, PaymentEventReader

PAGES = CheckoutPages(success_url="https://tesigo.test/ok", cancel_url="https://tesigo.test/no")
NO_OFFER = BillingPolicy(packs=(), pages=PAGES, enabled=True)


def handle_payment_event(reader: PaymentEventReader, tx: InMemoryTransactionManager,
                         clock: FixedClock, ids: SequentialIdGenerator,
                         policy: BillingPolicy = NO_OFFER) -> HandlePaymentEvent:
    payments, ledger = InMemoryPaymentRepository(tx), InMemoryQuotaLedger(tx, ids)
    audit = AuditTrail(InMemoryAuditLog(tx), clock, ids)
    subscriptions = ApplySubscriptionEvent(
        InMemoryBillingCustomers(tx), InMemorySubscriptionRepository(tx), payments, ledger,
        policy, audit, clock, ids)
    return HandlePaymentEvent(reader, InMemoryProcessedEvents(tx), payments, ledger, audit, tx,
                              clock, subscriptions)
