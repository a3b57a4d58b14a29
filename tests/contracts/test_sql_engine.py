"""The SQL adapters' own promises: URLs, SQLite settings, UTC times, translated errors."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.builders import a_document, a_user, an_audit_entry
from tests.contracts.storage import SqlStorage

from adapters.sql.engine import async_url, make_session_factory
from adapters.sql.errors import StorageError
from adapters.sql.execution import execute
from domain.errors import Conflict
from domain.pages import PageRequest

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def sql_engine(request: pytest.FixtureRequest) -> AsyncEngine:
    engine: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return engine


@pytest.fixture
async def sql(sql_engine: AsyncEngine) -> AsyncIterator[SqlStorage]:
    storage = await SqlStorage.emptied(sql_engine)
    yield storage
    await storage.close()


@pytest.mark.parametrize(("given_url", "expected"), [
    ("postgresql://u:p@db:5432/tesigo", "postgresql+asyncpg://u:p@db:5432/tesigo"),
    ("postgres://u@db/tesigo", "postgresql+asyncpg://u@db/tesigo"),
    ("postgresql+asyncpg://u@db/tesigo", "postgresql+asyncpg://u@db/tesigo"),
    ("sqlite:///var/tesigo.sqlite3", "sqlite+aiosqlite:///var/tesigo.sqlite3"),
    ("sqlite:////abs/tesigo.sqlite3", "sqlite+aiosqlite:////abs/tesigo.sqlite3"),
])
def test_urls_get_async_drivers(given_url: str, expected: str) -> None:
    assert async_url(given_url).render_as_string(hide_password=False) == expected


def test_other_databases_are_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        async_url("mysql://u@db/tesigo")


async def test_sqlite_connections_enforce_foreign_keys_and_use_wal(
        sqlite_engine: AsyncEngine) -> None:
    async with sqlite_engine.connect() as connection:
        pragmas = [(await connection.execute(text(f"PRAGMA {name}"))).scalar_one()
                   for name in ("foreign_keys", "journal_mode", "busy_timeout")]
    assert pragmas == [1, "wal", 5000]


def test_sessions_keep_their_objects_after_commit(sqlite_engine: AsyncEngine) -> None:
    assert make_session_factory(sqlite_engine).kw["expire_on_commit"] is False


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                           timezones=st.builds(timezone, st.integers(-14 * 60, 14 * 60)
                                               .map(lambda m: timedelta(minutes=m)))))
async def test_times_come_back_as_the_same_instant_in_utc(sql: SqlStorage,
                                                          moment: datetime) -> None:
    unit = sql.begin()
    await unit.audit.record(an_audit_entry(at=moment))

    [entry] = (await unit.audit.list(PageRequest(limit=100))).items

    assert entry.at == moment
    assert entry.at.tzinfo == UTC
    await sql.end(unit)


async def test_naive_times_are_refused(sql: SqlStorage) -> None:
    unit = sql.begin()
    with pytest.raises(StorageError):
        await unit.audit.record(an_audit_entry(at=datetime(2025, 1, 1, 12)))


async def test_a_known_constraint_becomes_a_domain_error_from_its_cause(sql: SqlStorage) -> None:
    user = a_user()
    unit = sql.begin()
    await unit.users.add(user)

    with pytest.raises(Conflict) as raised:
        await unit.users.add(a_user(email=user.email))
    assert isinstance(raised.value.__cause__, IntegrityError)


async def test_other_database_errors_become_storage_errors(sql: SqlStorage) -> None:
    unit = sql.begin()

    with pytest.raises(StorageError) as raised:
        await unit.documents.add(a_document(owner=a_user()))
    assert isinstance(raised.value.__cause__, SQLAlchemyError)


@pytest.mark.postgres
async def test_a_transaction_postgres_rolls_back_for_a_deadlock_is_a_conflict(
        postgres_engine: AsyncEngine) -> None:
    """Two transactions lock two rows in opposite orders: PostgreSQL rolls one back, which
    reaches the service as a Conflict to try again (409), not a StorageError (500)."""
    table = f"deadlock_probe_{uuid4().hex[:8]}"
    async with postgres_engine.begin() as connection:
        await connection.execute(text(f"CREATE TABLE {table} (id int PRIMARY KEY, n int)"))
        await connection.execute(text(f"INSERT INTO {table} VALUES (1, 0), (2, 0)"))
    bump = text(f"UPDATE {table} SET n = n + 1 WHERE id = :id")
    sessions = make_session_factory(postgres_engine)
    locked = [asyncio.Event(), asyncio.Event()]

    async def lock(first: int, second: int, mine: asyncio.Event, theirs: asyncio.Event) -> None:
        async with sessions() as session:
            await execute(session, bump, {"id": first})
            mine.set()
            await theirs.wait()
            await execute(session, bump, {"id": second})
            await session.commit()

    try:
        outcomes = await asyncio.wait_for(asyncio.gather(
            lock(1, 2, locked[0], locked[1]), lock(2, 1, locked[1], locked[0]),
            return_exceptions=True), timeout=30)
    finally:
        async with postgres_engine.begin() as connection:
            await connection.execute(text(f"DROP TABLE {table}"))
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Conflict", "NoneType"]
    [refused] = [outcome for outcome in outcomes if isinstance(outcome, Conflict)]
    assert isinstance(refused.__cause__, SQLAlchemyError)
