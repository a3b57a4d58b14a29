"""Fixtures shared by every suite: real databases to run storage against."""

import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog._config import BoundLoggerLazyProxy
from tests.postgres import PostgresUnavailable, fresh_database, postgres_server

from adapters.sql.engine import create_engine
from adapters.sql.migrate import migrate

if TYPE_CHECKING:
    from tests.s3_server import MotoS3


SERVICE_PACKAGES = {"domain", "application", "adapters", "entrypoints"}


@pytest.fixture(autouse=True)
def _loggers_capture_logs_can_see(request: pytest.FixtureRequest) -> None:
    """A module-level structlog logger keeps the configuration it first logged under when
    `cache_logger_on_first_use` is set (as `configure_logging` sets it): one first used while
    another test had configured logging ignores `structlog.testing.capture_logs` for the
    rest of that process, and which tests share a process depends on how pytest-xdist
    spreads them. Before a test that captures logs, the service's loggers forget it."""
    if not hasattr(request.module, "capture_logs"):
        return
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] in SERVICE_PACKAGES:
            for value in list(vars(module).values()):
                if isinstance(value, BoundLoggerLazyProxy):
                    value.__dict__.pop("bind", None)


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
