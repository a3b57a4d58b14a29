"""Live events over PostgreSQL LISTEN/NOTIFY outlive a restart of the database: publishing
while it is down loses that message but raises nothing, and once it is back the backend
listens again on the channels subscribed before and since, and publishes again."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from tests.postgres import Cluster, PostgresUnavailable, restartable_cluster

from adapters.events.pg_channels import ReconnectingPgChannelsBackend
from adapters.sql.listener import asyncpg_connector

pytestmark = pytest.mark.postgres


@pytest.fixture
async def world() -> AsyncIterator[tuple[Cluster, ReconnectingPgChannelsBackend]]:
    try:
        with restartable_cluster() as cluster:
            backend = ReconnectingPgChannelsBackend(
                asyncpg_connector(cluster.url, timeout_s=2), retry_s=0.1)
            await backend.on_startup()
            try:
                yield cluster, backend
            finally:
                await backend.on_shutdown()
    except PostgresUnavailable as error:
        pytest.skip(str(error))


async def heard(backend: ReconnectingPgChannelsBackend, channel: str, timeout_s: float = 10,
                ) -> tuple[str, bytes]:
    """Publishes `ping` on `channel` until it comes back (the listener may be reconnecting)."""
    events = backend.stream_events()
    async with asyncio.timeout(timeout_s):
        while True:
            await backend.publish(b"ping", [channel])
            try:
                return await asyncio.wait_for(anext(events), 0.5)
            except TimeoutError:
                events = backend.stream_events()


async def test_notifications_flow_again_after_a_restart(world) -> None:
    cluster, backend = world
    await backend.subscribe(["job:before"])
    assert await heard(backend, "job:before") == ("job:before", b"ping")

    await asyncio.to_thread(cluster.stop, "fast")
    await backend.publish(b"lost", ["job:before"])  # no error: publishing is best effort
    await backend.subscribe(["job:during"])
    await asyncio.to_thread(cluster.start)

    assert await heard(backend, "job:before") == ("job:before", b"ping")
    assert await heard(backend, "job:during") == ("job:during", b"ping")
