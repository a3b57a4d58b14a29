"""A job writes several sections at once, each holding tokens: jobs note every reservation
in flight (a JSON list of ids) instead of one.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("generation_jobs") as batch:
        batch.add_column(sa.Column("held_reservations", _JSON, nullable=False,
                                   server_default="[]"))
    jobs = sa.table("generation_jobs", sa.column("id", sa.Uuid()),
                    sa.column("held_reservation", sa.Uuid()),
                    sa.column("held_reservations", _JSON))
    connection = op.get_bind()
    held = connection.execute(sa.select(jobs.c.id, jobs.c.held_reservation)
                              .where(jobs.c.held_reservation.is_not(None))).all()
    for job_id, reservation in held:
        connection.execute(jobs.update().where(jobs.c.id == job_id)
                           .values(held_reservations=[str(reservation)]))
    with op.batch_alter_table("generation_jobs") as batch:
        batch.drop_column("held_reservation")


def downgrade() -> None:
    with op.batch_alter_table("generation_jobs") as batch:
        batch.add_column(sa.Column("held_reservation", sa.Uuid(), nullable=True))
        batch.drop_column("held_reservations")
