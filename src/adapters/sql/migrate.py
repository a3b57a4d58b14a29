"""Bring a database's schema to the newest migration (`alembic upgrade head`)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.engine import PoolLimits, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"
# One connection, and no statement timeout: building an index on a large table may take
# longer than any request should.
MIGRATION_LIMITS = PoolLimits(size=1, overflow=0, timeout_s=30.0, statement_timeout_s=0)


def alembic_config(connection: Connection) -> Config:
    """Alembic's configuration, built in code (there is no alembic.ini) around a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


async def migrate(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)


def migrate_url(url: str) -> None:
    """Migrate the database at `url`, blocking until done (for the command line).

    Called where an event loop is already running (a sync test fixture, say), it migrates
    on a loop of its own in a helper thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(_migrate_and_dispose(url))
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _migrate_and_dispose(url)).result()


async def _migrate_and_dispose(url: str) -> None:
    engine = create_engine(url, MIGRATION_LIMITS)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
