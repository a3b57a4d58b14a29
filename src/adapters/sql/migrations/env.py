"""Alembic environment: runs on the connection that `adapters.sql.migrate` hands over."""

from alembic import context

from adapters.sql.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through adapters.sql.migrate (tesigo migrate)")

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
