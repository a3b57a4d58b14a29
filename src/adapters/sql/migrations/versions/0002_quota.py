"""Quotas: credit accounts, token reservations, the credit ledger and the service's days.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def moment(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def count(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.BigInteger(), nullable=False)


def owner(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                   name=f"fk_{table}_user_id_users")


def upgrade() -> None:
    op.create_table(
        "credit_accounts",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        count("credits"),
        count("reserved"),
        sa.PrimaryKeyConstraint("user_id", name="pk_credit_accounts"),
        owner("credit_accounts"),
        sa.CheckConstraint("reserved >= 0", name="ck_credit_accounts_reserved_not_negative"),
    )
    op.create_table(
        "token_reservations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        count("tokens"),
        sa.Column("day", sa.Date(), nullable=False),
        moment("created_at"),
        moment("expires_at"),
        sa.Column("state", sa.String(8), nullable=False),
        count("charged"),
        sa.PrimaryKeyConstraint("id", name="pk_token_reservations"),
        owner("token_reservations"),
        sa.CheckConstraint("tokens > 0 AND charged >= 0 AND charged <= tokens",
                           name="ck_token_reservations_charge_within_hold"),
    )
    op.create_index("ix_token_reservations_user_id_day", "token_reservations",
                    ["user_id", "day"])
    op.create_index("ix_token_reservations_state_expires_at", "token_reservations",
                    ["state", "expires_at"])
    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        count("delta"),
        sa.Column("reason", sa.String(16), nullable=False),
        moment("at"),
        sa.Column("reservation_id", sa.Uuid(), nullable=True),
        sa.Column("details", json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_entries"),
        owner("ledger_entries"),
        sa.ForeignKeyConstraint(["reservation_id"], ["token_reservations.id"],
                                ondelete="CASCADE",
                                name="fk_ledger_entries_reservation_id_token_reservations"),
    )
    op.create_index("ix_ledger_entries_user_id_at_id", "ledger_entries",
                    ["user_id", "at", "id"])
    op.create_index("ix_ledger_entries_reservation_id", "ledger_entries", ["reservation_id"])
    op.create_table(
        "quota_days",
        sa.Column("day", sa.Date(), nullable=False),
        count("used"),
        count("reserved"),
        sa.PrimaryKeyConstraint("day", name="pk_quota_days"),
        sa.CheckConstraint("used >= 0 AND reserved >= 0",
                           name="ck_quota_days_counts_not_negative"),
    )


def downgrade() -> None:
    for table in ("quota_days", "ledger_entries", "token_reservations", "credit_accounts"):
        op.drop_table(table)
