"""SqlOwnDocumentReads on PostgreSQL talks to the asyncpg connection itself, so it must fail
as the Core path does: StorageBusy without a connection in time, StorageUnavailable (not a
raw driver error) when the connection broke, and a broken connection must not go back to
the pool for the next read."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.builders import a_user

from adapters.sql.document_reads import SqlOwnDocumentReads
from adapters.sql.engine import PoolLimits, create_engine
from domain.ids import DocumentId
from domain.ports.document_reads import CallerAndDocument
from domain.ports.transactions import StorageBusy, StorageUnavailable

pytestmark = pytest.mark.postgres
NOBODY = a_user()
ENDED = text("SELECT pg_terminate_backend(:pid, 5000)")  # returns once the backend is gone
MISSING = DocumentId("00000000-0000-4000-8000-000000000000")  # type: ignore[arg-type]


@pytest.fixture
async def engine_of_one(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """One connection, never pinged before use (it is always fresh from the last read)."""
    engine = create_engine(postgres_url, PoolLimits(size=1, overflow=0, timeout_s=0.5,
                                                    ping_idle_s=3600))
    yield engine
    await engine.dispose()


async def test_no_connection_in_time_is_storage_busy(engine_of_one: AsyncEngine) -> None:
    reads = SqlOwnDocumentReads(engine_of_one)
    async with engine_of_one.connect() as held:
        await held.execute(text("SELECT 1"))
        with pytest.raises(StorageBusy):
            await reads.caller_and_document(NOBODY.id, MISSING)
    for _ in range(3):  # each read gives the only connection back
        assert await reads.caller_and_document(NOBODY.id, MISSING) == (
            CallerAndDocument(None, None))


async def test_a_connection_whose_backend_died_is_not_reused(
        engine_of_one: AsyncEngine, postgres_engine: AsyncEngine) -> None:
    reads = SqlOwnDocumentReads(engine_of_one)
    await reads.caller_and_document(NOBODY.id, MISSING)  # the pool now holds one connection
    async with engine_of_one.connect() as connection:
        backend = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    async with postgres_engine.connect() as other:
        await other.execute(ENDED, {"pid": backend})

    # Not pinged (returned a moment ago): the read on the dead connection is
    # StorageUnavailable (503), never a raw driver error, and the connection is discarded.
    with pytest.raises(StorageUnavailable):
        await reads.caller_and_document(NOBODY.id, MISSING)
    assert await reads.caller_and_document(NOBODY.id, MISSING) == CallerAndDocument(None, None)


async def test_a_connection_idle_past_its_ping_whose_backend_died_is_replaced_unseen(
        postgres_url: str, postgres_engine: AsyncEngine) -> None:
    engine = create_engine(postgres_url, PoolLimits(size=1, overflow=0, timeout_s=0.5,
                                                    ping_idle_s=0))
    try:
        reads = SqlOwnDocumentReads(engine)
        await reads.caller_and_document(NOBODY.id, MISSING)
        async with engine.connect() as connection:
            backend = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with postgres_engine.connect() as other:
            await other.execute(ENDED, {"pid": backend})
        assert await reads.caller_and_document(NOBODY.id, MISSING) == (
            CallerAndDocument(None, None))
    finally:
        await engine.dispose()
