"""Admins sign in with a second factor: each user's TOTP factor (secret encrypted, recovery
codes as digests), and whether a session family passed it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("session_families") as batch:
        batch.add_column(sa.Column("mfa", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "second_factors",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("secret_ciphertext", sa.Text(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("confirmed_at", _UTC, nullable=True),
        sa.Column("last_step", sa.BigInteger(), nullable=True),
        sa.Column("recovery_digests", _JSON, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_second_factors_user_id_users"),
        sa.PrimaryKeyConstraint("user_id", name="pk_second_factors"),
    )


def downgrade() -> None:
    op.drop_table("second_factors")
    with op.batch_alter_table("session_families") as batch:
        batch.drop_column("mfa")
