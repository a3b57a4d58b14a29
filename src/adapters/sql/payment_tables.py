"""The payment tables, on the schema's one `metadata` (`adapters.sql.tables` imports this
module, so whoever reads that metadata sees them too)."""

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Uuid,
)

from adapters.sql.columns import UtcDateTime
from adapters.sql.tables import metadata

payments = Table(
    "payments", metadata,
    Column("id", Uuid, primary_key=True),
    # An erased account's payments stay, anonymised, for accounting.
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("pack_id", String(40), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("credits", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("checkout_session_id", String(255), nullable=True),
    Column("payment_intent_id", String(255), nullable=True, unique=True),
    # A plan's paid period: its invoice, the period's end, the credits that expired then.
    Column("invoice_ref", String(255), nullable=True, unique=True),
    Column("period_end", UtcDateTime, nullable=True),
    Column("expired_credits", BigInteger, nullable=True),
    CheckConstraint("amount > 0 AND credits > 0", name="positive_amount_and_credits"),
    Index(None, "user_id", "created_at", "id"),
    Index(None, "period_end"),
)

processed_events = Table(
    "processed_events", metadata,
    Column("event_id", String(255), primary_key=True),
    Column("event_type", String(100), nullable=False),
    Column("processed_at", UtcDateTime, nullable=False, index=True),
)

# Which payment intent collected a provider's invoice (Stripe's `invoice_payment.paid`), so
# a refund naming the intent finds the plan's period that invoice paid.
invoice_intents = Table(
    "invoice_intents", metadata,
    Column("payment_intent_id", String(255), primary_key=True),
    Column("invoice_ref", String(255), nullable=False, index=True),
    Column("linked_at", UtcDateTime, nullable=False),
)
