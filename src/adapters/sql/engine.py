"""Engines for PostgreSQL (asyncpg) and SQLite (aiosqlite) from one URL."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import structlog
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

from adapters.sql.pool_checks import ping_when_idle
from adapters.sql.tls import split_tls

SQLITE_BUSY_TIMEOUT_MS = 5_000
log = structlog.get_logger("tesigo.storage")
_ASYNC_DRIVERS = {"postgresql": "postgresql+asyncpg", "postgres": "postgresql+asyncpg",
                  "postgresql+asyncpg": "postgresql+asyncpg",
                  "sqlite": "sqlite+aiosqlite", "sqlite+aiosqlite": "sqlite+aiosqlite"}


@dataclass(frozen=True, slots=True, kw_only=True)
class PoolLimits:
    """One process's PostgreSQL connections: `size` kept open, up to `overflow` more at a
    peak; a connection not had (free or newly opened) within `timeout_s` fails the caller;
    a statement running longer than `statement_timeout_s` (0: no limit) is cancelled; a
    pooled connection idle for more than `ping_idle_s` is checked before it is handed out.

    The defaults fit one process running the API with its embedded worker at the default
    WORKER_CONCURRENCY × SECTION_CONCURRENCY (4 × 4 sections, plus heartbeats and requests).
    No overflow by default: SQLAlchemy closes an overflow connection as soon as it comes
    back to a full pool, so a process busier than `size` opens and closes connections all
    the time (docs/performance.md: half the read path's throughput went to that churn).
    """

    size: int = 30
    overflow: int = 0
    timeout_s: float = 10.0
    statement_timeout_s: float = 30.0
    ping_idle_s: float = 1.0


def create_engine(url: str, limits: PoolLimits | None = None) -> AsyncEngine:
    """An async engine for `postgresql://…`, `postgresql+asyncpg://…` or `sqlite:///path`.

    A PostgreSQL URL's libpq TLS parameters (`sslmode`, `sslrootcert`, …) become asyncpg's
    `ssl` argument (adapters/sql/tls.py); its connections follow `limits`, and one that sat
    in the pool for more than `limits.ping_idle_s` is checked before the pool hands it out
    (adapters/sql/pool_checks.py). A SQLite file's
    directory is created; SQLite connections enforce foreign keys, use WAL and wait up to
    SQLITE_BUSY_TIMEOUT_MS for a competing writer.
    """
    parsed = async_url(url)
    if parsed.get_backend_name() != "sqlite":
        return _postgres_engine(parsed, limits or PoolLimits())
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = _create_async_engine(parsed)
    event.listen(engine.sync_engine, "connect", _configure_sqlite)
    return engine


def _postgres_engine(url: URL, limits: PoolLimits) -> AsyncEngine:
    bare, tls = split_tls(url)
    statement_ms = round(limits.statement_timeout_s * 1000)
    connect_args: dict[str, Any] = {
        "timeout": limits.timeout_s,
        "server_settings": {"statement_timeout": str(statement_ms)},
    }
    if tls is not None:
        connect_args["ssl"] = tls
    engine = _create_async_engine(bare, pool_size=limits.size, max_overflow=limits.overflow,
                                  pool_timeout=limits.timeout_s, connect_args=connect_args,
                                  json_serializer=_json_text, json_deserializer=_json_value)
    # a pooled connection a restarted (or failed-over) server dropped is replaced when it is
    # checked out, instead of failing the first request to use it
    ping_when_idle(engine, limits.ping_idle_s)
    return engine


def _json_text(value: Any) -> str:
    """jsonb columns written by msgspec: the same JSON as `json.dumps` for the values stored
    (dicts, lists, strings, numbers), several times faster for a document's sections."""
    return _JSON_ENCODER.encode(value).decode()


def _json_value(text: str | bytes) -> Any:
    """jsonb columns read by msgspec: the same values `json.loads` gives, several times
    faster (a document's sections are read on every step of a job and every GET)."""
    return _JSON_DECODER.decode(text)


_JSON_ENCODER, _JSON_DECODER = msgspec.json.Encoder(), msgspec.json.Decoder()


def async_url(url: str) -> URL:
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername)
    if driver is None:
        raise ValueError(f"unsupported database URL scheme {parsed.drivername!r}; "
                         "use postgresql://… or sqlite:///path")
    return parsed.set(drivername=driver)


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def open_session(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session, closed (rolling back what was not committed) when the block ends. Closing
    one whose connection broke meanwhile (the database restarted, a statement was cut short)
    does not fail: the connection is invalidated, the pool opens another, and whatever the
    block raised or answered stands."""
    session = factory()
    try:
        yield session
    finally:
        try:
            await session.close()
        except (DBAPIError, OSError) as error:
            log.warning("closed a session on a broken connection", error=str(error)[:200])
            with suppress(DBAPIError, OSError):
                await session.invalidate()


def _configure_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
