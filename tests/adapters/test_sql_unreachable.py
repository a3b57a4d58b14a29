"""A database that cannot be reached is StorageUnavailable (a 503 problem with Retry-After,
never a 500), and once it is back the same engine works again: a pooled connection the
restart dropped is replaced when it is checked out after sitting idle (it is pinged), not
handed to a request; one that dies in use fails that one transaction, and the pool then
drops every connection it had to the old server."""

import asyncio
from collections.abc import Iterator

import pytest
from litestar import Litestar, get
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.postgres import Cluster, PostgresUnavailable, _free_port, restartable_cluster

from adapters.sql.engine import PoolLimits, create_engine, make_session_factory, open_session
from adapters.sql.execution import execute
from domain.ports.transactions import StorageUnavailable
from entrypoints.http.errors import EXCEPTION_HANDLERS


async def select_one(engine: AsyncEngine) -> int:
    async with make_session_factory(engine)() as session:
        return int((await execute(session, text("SELECT 1"))).scalar_one())


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    try:
        with restartable_cluster() as cluster:
            yield cluster
    except PostgresUnavailable as error:
        pytest.skip(str(error))


async def test_nothing_listening_is_storage_unavailable_and_a_503() -> None:
    engine = create_engine(f"postgresql://postgres@127.0.0.1:{_free_port()}/postgres",
                           PoolLimits(timeout_s=2))

    @get("/one")
    async def one() -> dict[str, int]:
        return {"one": await select_one(engine)}

    try:
        with pytest.raises(StorageUnavailable):
            await select_one(engine)
        async with AsyncTestClient(app=Litestar([one], exception_handlers=EXCEPTION_HANDLERS)
                                   ) as client:
            answer = await client.get("/one")
    finally:
        await engine.dispose()
    assert answer.status_code == 503
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.headers["retry-after"] == "2"


@pytest.mark.postgres
async def test_the_same_engine_works_again_after_a_restart(cluster: Cluster) -> None:
    engine = create_engine(cluster.url, PoolLimits(size=2, overflow=0, timeout_s=2,
                                                   ping_idle_s=0.2))
    try:
        assert await select_one(engine) == 1  # a connection now waits in the pool
        cluster.stop("fast")
        with pytest.raises(StorageUnavailable):
            await select_one(engine)
        cluster.start()
        assert await select_one(engine) == 1
        cluster.stop("immediate")  # the pooled connection is dropped without a goodbye
        cluster.start()
        await asyncio.sleep(0.3)  # idle past ping_idle_s: pinged, found dead, replaced
        assert await select_one(engine) == 1
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_a_connection_dead_in_use_fails_once_and_takes_its_server_with_it(
        cluster: Cluster) -> None:
    """Without a ping (used a moment ago) a dead connection fails its transaction; the pool
    then opens new connections instead of handing out the other one of the old server."""
    engine = create_engine(cluster.url, PoolLimits(size=2, overflow=0, timeout_s=2,
                                                   ping_idle_s=3600))
    try:
        assert await asyncio.gather(select_one(engine), select_one(engine)) == [1, 1]
        assert engine.pool.checkedin() == 2  # type: ignore[attr-defined]
        cluster.stop("immediate")
        cluster.start()
        with pytest.raises(StorageUnavailable):
            await select_one(engine)
        assert [await select_one(engine) for _ in range(3)] == [1, 1, 1]
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_closing_a_session_whose_connection_was_cut_does_not_fail(
        postgres_url: str) -> None:
    engine = create_engine(postgres_url, PoolLimits(size=2, overflow=0, timeout_s=2))
    try:
        async with open_session(make_session_factory(engine)) as session:
            pid = (await session.execute(text("SELECT pg_backend_pid()"))).scalar_one()
            async with engine.connect() as other:
                await other.execute(text(f"SELECT pg_terminate_backend({pid})"))
        assert await select_one(engine) == 1  # the pool replaced the cut connection
    finally:
        await engine.dispose()
