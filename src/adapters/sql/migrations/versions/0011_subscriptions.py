"""Monthly plans: each user's customer at the payment provider, their subscriptions, a
plan's paid periods as payments (the invoice, the period's end, the credits that expired),
and which payment intent collected which invoice.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.add_column(sa.Column("invoice_ref", sa.String(255), nullable=True))
        batch.add_column(sa.Column("period_end", _UTC, nullable=True))
        batch.add_column(sa.Column("expired_credits", sa.BigInteger(), nullable=True))
        batch.create_unique_constraint("uq_payments_invoice_ref", ["invoice_ref"])
        batch.create_index("ix_payments_period_end", ["period_end"])
    op.create_table(
        "billing_customers",
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("ref", sa.String(255), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_billing_customers_user_id_users"),
        sa.PrimaryKeyConstraint("provider", "user_id", name="pk_billing_customers"),
        sa.UniqueConstraint("provider", "ref", name="uq_billing_customers_provider_ref"),
    )
    op.create_table(
        "subscriptions",
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(255), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("plan_id", sa.String(40), nullable=True),
        sa.Column("period_start", _UTC, nullable=True),
        sa.Column("period_end", _UTC, nullable=True),
        sa.Column("cancel_at_period_end", sa.Boolean(), nullable=False),
        sa.Column("ended_at", _UTC, nullable=True),
        sa.Column("stamps", _JSON, nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="SET NULL",
                                name="fk_subscriptions_user_id_users"),
        sa.PrimaryKeyConstraint("provider", "ref", name="pk_subscriptions"),
    )
    op.create_index("ix_subscriptions_user_id_updated_at", "subscriptions",
                    ["user_id", "updated_at"])
    op.create_index("ix_subscriptions_status_plan_id", "subscriptions", ["status", "plan_id"])
    op.create_table(
        "invoice_intents",
        sa.Column("payment_intent_id", sa.String(255), nullable=False),
        sa.Column("invoice_ref", sa.String(255), nullable=False),
        sa.Column("linked_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("payment_intent_id", name="pk_invoice_intents"),
    )
    op.create_index("ix_invoice_intents_invoice_ref", "invoice_intents", ["invoice_ref"])


def downgrade() -> None:
    op.drop_table("invoice_intents")
    op.drop_table("subscriptions")
    op.drop_table("billing_customers")
    with op.batch_alter_table("payments") as batch:
        batch.drop_index("ix_payments_period_end")
        batch.drop_constraint("uq_payments_invoice_ref", type_="unique")
        batch.drop_column("expired_credits")
        batch.drop_column("period_end")
        batch.drop_column("invoice_ref")
