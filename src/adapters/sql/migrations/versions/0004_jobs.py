"""Generation jobs, claimed by workers under a lease, and their numbered progress events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def moment(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "generation_jobs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        moment("created_at"),
        moment("updated_at"),
        moment("run_after"),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("step", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("tokens_used", sa.BigInteger(), nullable=False),
        sa.Column("lease_owner", sa.String(255), nullable=True),
        moment("lease_expires_at", nullable=True),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_generation_jobs"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name="fk_generation_jobs_owner_id_users"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_generation_jobs_document_id_documents"),
    )
    op.create_index("ix_generation_jobs_owner_id", "generation_jobs", ["owner_id"])
    op.create_index("ix_generation_jobs_state_run_after", "generation_jobs",
                    ["state", "run_after"])
    op.create_index("ix_generation_jobs_state_lease_expires_at", "generation_jobs",
                    ["state", "lease_expires_at"])
    op.create_index("ix_generation_jobs_document_id_state", "generation_jobs",
                    ["document_id", "state"])
    op.create_table(
        "job_events",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("step", sa.Text(), nullable=False),
        moment("at"),
        sa.PrimaryKeyConstraint("job_id", "seq", name="pk_job_events"),
        sa.ForeignKeyConstraint(["job_id"], ["generation_jobs.id"], ondelete="CASCADE",
                                name="fk_job_events_job_id_generation_jobs"),
    )


def downgrade() -> None:
    for table in ("job_events", "generation_jobs"):
        op.drop_table(table)
