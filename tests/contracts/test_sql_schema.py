"""The migrations build exactly the schema of `adapters.sql.tables`, on both databases."""

import sqlite3
from contextlib import closing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.migrate import migrate, migrate_url
from adapters.sql.tables import metadata

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def differences(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), metadata))


@pytest.fixture(params=DATABASES)
def engine(request: pytest.FixtureRequest) -> AsyncEngine:
    migrated: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return migrated


async def test_migrated_schema_matches_the_tables(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_migrating_again_changes_nothing(engine: AsyncEngine) -> None:
    await migrate(engine)

    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []


def test_migrate_url_creates_the_schema_outside_an_event_loop(tmp_path) -> None:
    url = f"sqlite:///{tmp_path}/nested/dir/tesigo.sqlite3"

    migrate_url(url)

    with closing(sqlite3.connect(tmp_path / "nested" / "dir" / "tesigo.sqlite3")) as db:
        found = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert set(metadata.tables) <= found


async def test_migrate_url_also_works_inside_a_running_event_loop(tmp_path) -> None:
    migrate_url(f"sqlite:///{tmp_path}/tesigo.sqlite3")

    with closing(sqlite3.connect(tmp_path / "tesigo.sqlite3")) as db:
        found = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert set(metadata.tables) <= found
