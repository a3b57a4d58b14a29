"""The second-factor table, on the schema's one `metadata` (`adapters.sql.tables` imports
this module, so whoever reads that metadata sees it too)."""

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, Table, Text, Uuid

from adapters.sql.columns import Json, UtcDateTime
from adapters.sql.tables import metadata

second_factors = Table(
    "second_factors", metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("secret_ciphertext", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("confirmed_at", UtcDateTime, nullable=True),
    Column("last_step", BigInteger, nullable=True),
    Column("recovery_digests", Json, nullable=False),
    Column("version", Integer, nullable=False),
)
