"""The committed state of the in-memory storage: one per application."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Hashable
from typing import Any
from weakref import WeakValueDictionary

USERS = "users"
USER_EMAILS = "user_emails"
MAGIC_LINKS = "magic_links"
SESSION_FAMILIES = "session_families"
REFRESH_TOKENS = "refresh_tokens"
DOCUMENTS = "documents"
SECTION_REVISIONS = "section_revisions"
OUTBOX = "outbox"
AUDIT_LOG = "audit_log"
LEDGER_ENTRIES = "ledger_entries"
RESERVATIONS = "token_reservations"
CREDIT_ACCOUNTS = "credit_accounts"
QUOTA_DAYS = "quota_days"
GENERATION_JOBS = "generation_jobs"
JOB_EVENTS = "job_events"
IDEMPOTENCY_KEYS = "idempotency_keys"
PAYMENTS = "payments"
PAYMENT_INTENTS = "payment_intents"
PROCESSED_EVENTS = "processed_events"
PAYMENT_INVOICES = "payment_invoices"
INVOICE_INTENTS = "invoice_intents"
BILLING_CUSTOMERS = "billing_customers"
CUSTOMER_USERS = "customer_users"
SUBSCRIPTIONS = "subscriptions"

RowKey = tuple[str, Hashable]


class InMemoryDatabase:
    """Committed rows per table, keyed by primary key.

    Only `InMemoryTransactionManager.commit` writes here, holding `lock`. `row_locks` maps a
    row to the live transaction that holds it (as `SELECT ... FOR UPDATE` would); an entry
    disappears when its transaction ends or is dropped.
    """

    def __init__(self) -> None:
        self.tables: defaultdict[str, dict[Hashable, Any]] = defaultdict(dict)
        self.lock = asyncio.Lock()
        self.row_locks: WeakValueDictionary[RowKey, Any] = WeakValueDictionary()
