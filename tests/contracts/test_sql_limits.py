"""A PostgreSQL engine's limits: a statement past DB_STATEMENT_TIMEOUT_S is cancelled, and a
caller that gets no pooled connection within DB_POOL_TIMEOUT_S is told the service is busy
(StorageBusy, a 503 problem) instead of waiting for ever or failing with a 500."""

import time
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar, get
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.engine import PoolLimits, create_engine, make_session_factory
from adapters.sql.execution import execute
from domain.ports.transactions import StorageBusy
from entrypoints.http.errors import EXCEPTION_HANDLERS

pytestmark = pytest.mark.postgres


@pytest.fixture
async def engine_of_one(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """One connection, a short wait for it, a short statement timeout."""
    engine = create_engine(postgres_url, PoolLimits(size=1, overflow=0, timeout_s=0.5,
                                                    statement_timeout_s=0.5))
    yield engine
    await engine.dispose()


async def select_one(engine: AsyncEngine) -> int:
    async with make_session_factory(engine)() as session:
        return int((await execute(session, text("SELECT 1"))).scalar_one())


async def test_connections_carry_the_statement_timeout(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        async with engine.connect() as connection:
            shown = (await connection.execute(text("SHOW statement_timeout"))).scalar_one()
    finally:
        await engine.dispose()
    assert shown == "30s"


async def test_a_statement_past_the_timeout_is_cancelled(engine_of_one: AsyncEngine) -> None:
    started = time.monotonic()
    async with make_session_factory(engine_of_one)() as session:
        with pytest.raises(StorageBusy, match="too long"):
            await execute(session, text("SELECT pg_sleep(10)"))
    assert time.monotonic() - started < 5
    assert await select_one(engine_of_one) == 1  # the connection is fine afterwards


async def test_no_connection_in_time_is_storage_busy(engine_of_one: AsyncEngine) -> None:
    async with engine_of_one.connect() as held:
        await held.execute(text("SELECT 1"))
        started = time.monotonic()
        with pytest.raises(StorageBusy):
            await select_one(engine_of_one)
        assert 0.4 < time.monotonic() - started < 5
    assert await select_one(engine_of_one) == 1


async def test_an_exhausted_pool_answers_503_with_retry_after(
        engine_of_one: AsyncEngine) -> None:
    """The test client runs the app on a loop of its own, so the app never gets a connection
    here (asyncpg's connections belong to the loop that opened them): the only one is held."""

    @get("/one")
    async def one() -> dict[str, int]:
        return {"one": await select_one(engine_of_one)}

    app = Litestar([one], exception_handlers=EXCEPTION_HANDLERS)
    async with engine_of_one.connect() as held:
        await held.execute(text("SELECT 1"))
        async with AsyncTestClient(app=app) as client:
            answer = await client.get("/one")

    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["retry-after"] == "2"
    assert answer.json()["detail"] == StorageBusy.default_message
