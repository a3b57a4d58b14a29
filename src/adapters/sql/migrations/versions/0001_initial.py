"""Initial schema: users, sign-in links, sessions, documents, e-mail outbox, audit log.

Revision ID: 0001
Revises:
Create Date: 2025-11-23
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def moment(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        moment("created_at"),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("token_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("email", name="uq_users_email"),
    )
    op.create_index("ix_users_created_at_id", "users", ["created_at", "id"])
    op.create_table(
        "magic_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("token_digest", sa.String(64), nullable=False),
        moment("created_at"),
        moment("expires_at"),
        moment("used_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_magic_links"),
        sa.UniqueConstraint("token_digest", name="uq_magic_links_token_digest"),
    )
    op.create_index("ix_magic_links_expires_at", "magic_links", ["expires_at"])
    op.create_table(
        "session_families",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("current_digest", sa.String(64), nullable=False),
        moment("created_at"),
        moment("expires_at"),
        moment("rotated_at"),
        moment("revoked_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_session_families"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_session_families_user_id_users"),
    )
    op.create_index("ix_session_families_user_id", "session_families", ["user_id"])
    op.create_index("ix_session_families_expires_at", "session_families", ["expires_at"])
    op.create_index("ix_session_families_revoked_at", "session_families", ["revoked_at"])
    op.create_table(
        "refresh_tokens",
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        moment("issued_at"),
        sa.PrimaryKeyConstraint("digest", name="pk_refresh_tokens"),
        sa.ForeignKeyConstraint(["family_id"], ["session_families.id"], ondelete="CASCADE",
                                name="fk_refresh_tokens_family_id_session_families"),
    )
    op.create_index("ix_refresh_tokens_family_id", "refresh_tokens", ["family_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("target_words", sa.Integer(), nullable=False),
        sa.Column("citation_style", sa.String(16), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=True),
        sa.Column("requirements", sa.Text(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        moment("created_at"),
        moment("updated_at"),
        sa.Column("outline", json, nullable=False),
        sa.Column("sections", json, nullable=False),
        sa.Column("sources", json, nullable=False),
        sa.Column("bibliography", json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_documents_owner_id_users"),
    )
    op.create_index("ix_documents_owner_id_created_at_id", "documents",
                    ["owner_id", "created_at", "id"])
    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("text_body", sa.Text(), nullable=False),
        sa.Column("html_body", sa.Text(), nullable=False),
        moment("created_at"),
        moment("next_attempt_at"),
        sa.Column("attempts", sa.Integer(), nullable=False),
        moment("sent_at", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox_messages"),
    )
    op.create_index("ix_outbox_messages_next_attempt_at", "outbox_messages",
                    ["next_attempt_at"])
    op.create_index("ix_outbox_messages_sent_at", "outbox_messages", ["sent_at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        moment("at"),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("ip", sa.String(45), nullable=True),
        sa.Column("details", json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_actor_id", "audit_log", ["actor_id"])
    op.create_index("ix_audit_log_at_id", "audit_log", ["at", "id"])


def downgrade() -> None:
    for table in ("audit_log", "outbox_messages", "documents", "refresh_tokens",
                  "session_families", "magic_links", "users"):
        op.drop_table(table)
