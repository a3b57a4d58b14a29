"""Fixtures shared by every suite: real databases to run storage against."""

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.postgres import PostgresUnavailable, fresh_database, postgres_server

from adapters.sql.engine import create_engine
from adapters.sql.migrate import migrate

if TYPE_CHECKING:
    from tests.s3_server import MotoS3


def _unavailable(reason: str) -> None:
    message = f"POSTGRESQL UNAVAILABLE, PostgreSQL tests not run: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
async def postgres_server_url() -> AsyncIterator[str]:
    """A server the tests may create databases on (see tests/postgres.py)."""
    try:
        async with postgres_server() as url:
            yield url
    except PostgresUnavailable as error:
        _unavailable(str(error))


@pytest.fixture(scope="session")
async def postgres_url(postgres_server_url: str) -> AsyncIterator[str]:
    """A database of this test run, migrated to head, dropped at the end."""
    async with fresh_database(postgres_server_url) as url:
        engine = create_engine(url)
        try:
            await migrate(engine)
        finally:
            await engine.dispose()
        yield url


@pytest.fixture(scope="session")
async def postgres_engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(postgres_url)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("sqlite") / "tesigo.sqlite3"
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
async def sqlite_engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a migrated SQLite file of this test run."""
    engine = create_engine(sqlite_url)
    await migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Redis server: `TEST_REDIS_URL`, else the one on 127.0.0.1:6379. Tests keep their
    keys apart with a prefix of their own; nothing is flushed."""
    from redis import Redis
    from redis.exceptions import RedisError

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    client = Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except (RedisError, OSError) as error:
        message = f"REDIS UNAVAILABLE at {url}, Redis tests not run: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    finally:
        client.close()
    return url


@pytest.fixture(scope="session")
def s3_server() -> Iterator["MotoS3"]:
    """moto's S3 in server mode in this process (tests/s3_server.py), started on first use."""
    from tests.s3_server import MotoS3

    server = MotoS3()
    server.start()
    yield server
    server.stop()
