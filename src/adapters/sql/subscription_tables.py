"""Customers at the payment provider and their subscriptions, on the schema's `metadata`."""

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from adapters.sql.columns import Json, UtcDateTime
from adapters.sql.tables import metadata

billing_customers = Table(
    "billing_customers", metadata,
    Column("provider", String(16), primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("ref", String(255), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("provider", "ref"),
)

subscriptions = Table(
    "subscriptions", metadata,
    Column("provider", String(16), primary_key=True),
    Column("ref", String(255), primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("status", String(16), nullable=False),
    Column("plan_id", String(40), nullable=True),
    Column("period_start", UtcDateTime, nullable=True),
    Column("period_end", UtcDateTime, nullable=True),
    Column("cancel_at_period_end", Boolean, nullable=False),
    Column("ended_at", UtcDateTime, nullable=True),
    # Each field's stamp (`domain.subscriptions.Stamp`): when, rank and event it came from.
    Column("stamps", Json, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index(None, "user_id", "updated_at"),
    Index(None, "status", "plan_id"),
)
