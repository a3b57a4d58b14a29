"""ReadReplica's check: a server that does not answer is skipped, one that is not in
recovery has no lag, and an answer is kept for a while rather than asked per request."""

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.postgres import _free_port

from adapters.sql.engine import PoolLimits, create_engine
from adapters.sql.replica import ReadReplica


class Ticking:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def nowhere() -> AsyncEngine:
    return create_engine(f"postgresql://postgres@127.0.0.1:{_free_port()}/postgres",
                         PoolLimits(timeout_s=1))


async def test_a_replica_that_does_not_answer_is_skipped() -> None:
    engine = nowhere()
    try:
        assert not await ReadReplica(engine, max_lag_s=5).usable()
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_a_server_not_in_recovery_has_no_lag(postgres_engine: AsyncEngine) -> None:
    replica = ReadReplica(postgres_engine, max_lag_s=1)
    assert await replica.lag_s() == 0
    assert await replica.usable()


@pytest.mark.postgres
async def test_the_answer_is_kept_for_the_check_interval(postgres_engine: AsyncEngine) -> None:
    clock = Ticking()
    replica = ReadReplica(postgres_engine, max_lag_s=1, check_every_s=2, monotonic=clock)
    assert await replica.usable()
    replica._engine = nowhere()  # it goes away behind its back
    try:
        clock.now = 1.9
        assert await replica.usable()  # still the cached answer
        clock.now = 2.0
        assert not await replica.usable()  # checked again
    finally:
        await replica._engine.dispose()
