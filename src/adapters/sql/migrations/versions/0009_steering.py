"""The writer in control: profiles with a display name, title pages, jobs that rewrite
chosen sections with instructions, and every replaced section text kept as a revision.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("display_name", sa.String(100), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("title_page", _JSON, nullable=False, server_default="{}"))
        batch.add_column(sa.Column("revisions_made", sa.Integer(), nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("generation_jobs") as batch:
        batch.add_column(sa.Column("sections", _JSON, nullable=True))
        batch.add_column(sa.Column("instructions", sa.Text(), nullable=True))
        batch.add_column(sa.Column("partial", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "section_revisions",
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("section_key", sa.String(64), nullable=False),
        sa.Column("section", _JSON, nullable=False),
        sa.Column("replaced_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_section_revisions_document_id_documents"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_section_revisions_owner_id_users"),
        sa.PrimaryKeyConstraint("document_id", "revision", name="pk_section_revisions"),
    )
    op.create_index("ix_section_revisions_document_id_section_key_revision",
                    "section_revisions", ["document_id", "section_key", "revision"])
    op.create_index("ix_section_revisions_owner_id", "section_revisions", ["owner_id"])


def downgrade() -> None:
    op.drop_table("section_revisions")
    with op.batch_alter_table("generation_jobs") as batch:
        batch.drop_column("partial")
        batch.drop_column("instructions")
        batch.drop_column("sections")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("revisions_made")
        batch.drop_column("title_page")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("display_name")
