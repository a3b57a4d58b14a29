"""Engines for PostgreSQL (asyncpg) and SQLite (aiosqlite) from one URL."""

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

SQLITE_BUSY_TIMEOUT_MS = 5_000
_ASYNC_DRIVERS = {"postgresql": "postgresql+asyncpg", "postgres": "postgresql+asyncpg",
                  "postgresql+asyncpg": "postgresql+asyncpg",
                  "sqlite": "sqlite+aiosqlite", "sqlite+aiosqlite": "sqlite+aiosqlite"}


PG_POOL_SIZE, PG_OVERFLOW = 20, 40


def create_engine(url: str) -> AsyncEngine:
    """An async engine for `postgresql://…`, `postgresql+asyncpg://…` or `sqlite:///path`.

    A SQLite file's directory is created; SQLite connections enforce foreign keys, use WAL and
    wait up to SQLITE_BUSY_TIMEOUT_MS for a competing writer.
    """
    parsed = async_url(url)
    if parsed.get_backend_name() != "sqlite":
        # A worker runs WORKER_CONCURRENCY jobs plus heartbeats at once: the default pool of
        # 5 (+10 overflow) would make jobs queue for connections.
        return _create_async_engine(parsed, pool_size=PG_POOL_SIZE, max_overflow=PG_OVERFLOW)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = _create_async_engine(parsed)
    event.listen(engine.sync_engine, "connect", _configure_sqlite)
    return engine


def async_url(url: str) -> URL:
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername)
    if driver is None:
        raise ValueError(f"unsupported database URL scheme {parsed.drivername!r}; "
                         "use postgresql://… or sqlite:///path")
    return parsed.set(drivername=driver)


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def _configure_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
