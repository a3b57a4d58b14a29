"""The schema, as SQLAlchemy Core tables. Migrations must match it exactly (a test checks)."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    false,
)

from adapters.sql.columns import Json, UtcDateTime
from domain.idempotency import MAX_KEY_LENGTH

EMAIL_LENGTH, DIGEST_LENGTH = 254, 64

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

users = Table(
    "users", metadata,
    Column("id", Uuid, primary_key=True),
    Column("email", String(EMAIL_LENGTH), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("blocked", Boolean, nullable=False),
    Column("token_version", Integer, nullable=False),
    Column("display_name", String(100), nullable=True),
    Index(None, "created_at", "id"),
)

magic_links = Table(
    "magic_links", metadata,
    Column("id", Uuid, primary_key=True),
    Column("email", String(EMAIL_LENGTH), nullable=False),
    Column("token_digest", String(DIGEST_LENGTH), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    Column("used_at", UtcDateTime, nullable=True),
)

session_families = Table(
    "session_families", metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("current_digest", String(DIGEST_LENGTH), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    Column("rotated_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime, nullable=True, index=True),
    Column("mfa", Boolean, nullable=False, server_default=false()),
)

refresh_tokens = Table(
    "refresh_tokens", metadata,
    Column("digest", String(DIGEST_LENGTH), primary_key=True),
    Column("family_id", Uuid, ForeignKey("session_families.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("issued_at", UtcDateTime, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Uuid, primary_key=True),
    Column("owner_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(300), nullable=False),
    Column("topic", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("language", String(2), nullable=False),
    Column("target_words", Integer, nullable=False),
    Column("citation_style", String(16), nullable=False),
    Column("instructions", Text, nullable=True),
    Column("requirements", Text, nullable=True),
    Column("status", String(16), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("word_count", Integer, nullable=False, server_default="0"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("outline", Json, nullable=False),
    Column("sections", Json, nullable=False),
    Column("sources", Json, nullable=False),
    Column("bibliography", Json, nullable=False),
    Column("title_page", Json, nullable=False, server_default="{}"),
    Column("revisions_made", Integer, nullable=False, server_default="0"),
    Index(None, "owner_id", "created_at", "id"),
)

# Every section text that was replaced (by the model, the user, a restore or an outline
# edit that dropped its section), numbered per document.
section_revisions = Table(
    "section_revisions", metadata,
    Column("document_id", Uuid, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("owner_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("section_key", String(64), nullable=False),
    Column("section", Json, nullable=False),
    Column("replaced_at", UtcDateTime, nullable=False),
    Index(None, "document_id", "section_key", "revision"),
)

outbox_messages = Table(
    "outbox_messages", metadata,
    Column("id", Uuid, primary_key=True),
    Column("recipient", String(EMAIL_LENGTH), nullable=False),
    Column("subject", Text, nullable=False),
    Column("text_body", Text, nullable=False),
    Column("html_body", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False, index=True),
    Column("attempts", Integer, nullable=False),
    Column("sent_at", UtcDateTime, nullable=True, index=True),
    Column("last_error", Text, nullable=True),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Uuid, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor_id", Uuid, nullable=True, index=True),
    Column("action", String(100), nullable=False),
    Column("target", Text, nullable=True),
    Column("ip", String(45), nullable=True),
    Column("details", Json, nullable=False),
    Index(None, "at", "id"),
)

credit_accounts = Table(
    "credit_accounts", metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("credits", BigInteger, nullable=False),
    Column("reserved", BigInteger, nullable=False),
    CheckConstraint("reserved >= 0", name="reserved_not_negative"),
)

token_reservations = Table(
    "token_reservations", metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("tokens", BigInteger, nullable=False),
    Column("day", Date, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("state", String(8), nullable=False),
    Column("charged", BigInteger, nullable=False),
    CheckConstraint("tokens > 0 AND charged >= 0 AND charged <= tokens",
                    name="charge_within_hold"),
    Index(None, "user_id", "day"),
    Index(None, "state", "expires_at"),
)

ledger_entries = Table(
    "ledger_entries", metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("delta", BigInteger, nullable=False),
    Column("reason", String(16), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("reservation_id", Uuid, ForeignKey("token_reservations.id", ondelete="CASCADE"),
           nullable=True, index=True),
    Column("details", Json, nullable=False),
    Index(None, "user_id", "at", "id"),
)

quota_days = Table(
    "quota_days", metadata,
    Column("day", Date, primary_key=True),
    Column("used", BigInteger, nullable=False),
    Column("reserved", BigInteger, nullable=False),
    CheckConstraint("used >= 0 AND reserved >= 0", name="counts_not_negative"),
)

generation_jobs = Table(
    "generation_jobs", metadata,
    Column("id", Uuid, primary_key=True),
    Column("owner_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("document_id", Uuid, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("state", String(16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("run_after", UtcDateTime, nullable=False),
    Column("progress", Float, nullable=False),
    Column("step", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("max_attempts", Integer, nullable=False),
    Column("error", Text, nullable=True),
    Column("tokens_used", BigInteger, nullable=False),
    Column("lease_owner", String(255), nullable=True),
    Column("lease_expires_at", UtcDateTime, nullable=True),
    Column("cancel_requested", Boolean, nullable=False),
    Column("last_seq", Integer, nullable=False),
    Column("held_reservations", Json, nullable=False, server_default="[]"),
    Column("sections", Json, nullable=True),
    Column("instructions", Text, nullable=True),
    Column("partial", Boolean, nullable=False, server_default=false()),
    Index(None, "state", "run_after"),
    Index(None, "state", "lease_expires_at"),
    Index(None, "document_id", "state"),
)

job_events = Table(
    "job_events", metadata,
    Column("job_id", Uuid, ForeignKey("generation_jobs.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("state", String(16), nullable=False),
    Column("progress", Float, nullable=False),
    Column("step", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
)

idempotency_keys = Table(
    "idempotency_keys", metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(MAX_KEY_LENGTH), primary_key=True),
    Column("request_hash", String(DIGEST_LENGTH), nullable=False),
    Column("created_at", UtcDateTime, nullable=False, index=True),
    Column("response_status", Integer, nullable=True),
    Column("response_body", LargeBinary, nullable=True),
    Column("response_content_type", String(255), nullable=True),
)

# Last, so that the payment tables join this metadata wherever it is imported.
from adapters.sql import payment_tables as _payment_tables  # noqa: E402,F401
from adapters.sql import subscription_tables as _subscription_tables  # noqa: E402,F401
from adapters.sql import two_factor_tables as _two_factor_tables  # noqa: E402,F401
