"""Live events published on one kept PostgreSQL connection, that comes back after a restart."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import ExitStack
from typing import Any

import asyncpg
import pytest
from tests.postgres import (
    PostgresUnavailable,
    fresh_database,
    postgres_server,
    restartable_cluster,
)

from adapters.events.pg_channels import ReconnectingPgChannelsBackend
from adapters.sql.listener import asyncpg_connector

pytestmark = pytest.mark.postgres
CHANNEL = "job:test"


class CountingConnector:
    """Opens connections to `url` and counts them."""

    def __init__(self, url: str) -> None:
        self._connect, self.opened = asyncpg_connector(url, timeout_s=5), 0

    async def __call__(self) -> Any:
        self.opened += 1
        return await self._connect()


class Listener:
    """A separate connection LISTENing on CHANNEL, collecting payloads."""

    def __init__(self) -> None:
        self.received: asyncio.Queue[str] = asyncio.Queue()
        self._connection: Any = None

    async def start(self, url: str) -> None:
        self._connection = await asyncpg.connect(url, timeout=10)
        await self._connection.add_listener(
            CHANNEL, lambda _c, _p, _ch, payload: self.received.put_nowait(payload))

    async def next(self) -> str:
        return await asyncio.wait_for(self.received.get(), timeout=10)

    async def stop(self) -> None:
        if self._connection is not None:
            self._connection.terminate()


@pytest.fixture
async def database() -> AsyncIterator[str]:
    async with postgres_server() as server, fresh_database(server) as url:
        yield url


async def started(connector: CountingConnector) -> ReconnectingPgChannelsBackend:
    backend = ReconnectingPgChannelsBackend(connector, publish_timeout_s=5)
    await backend.on_startup()  # opens the (unused here) subscription connection
    return backend


async def test_every_event_goes_out_on_one_connection_in_order(database: str) -> None:
    connector, listener = CountingConnector(database), Listener()
    await listener.start(database)
    backend = await started(connector)
    try:
        for n in range(20):
            await backend.publish(f"event {n}".encode(), [CHANNEL])

        assert [await listener.next() for _ in range(20)] == [f"event {n}" for n in range(20)]
        assert connector.opened == 2  # the subscription's and the publisher's
    finally:
        await backend.on_shutdown()
        await listener.stop()


@pytest.mark.e2e
@pytest.mark.timeout(180)
async def test_publishing_carries_on_after_postgresql_restarts() -> None:
    with ExitStack() as stack:
        try:
            cluster = stack.enter_context(restartable_cluster())
        except PostgresUnavailable as error:
            pytest.skip(str(error))
        connector, before, after = CountingConnector(cluster.url), Listener(), Listener()
        backend = await started(connector)
        await before.start(cluster.url)
        await backend.publish(b"before", [CHANNEL])
        assert await before.next() == "before"

        await asyncio.to_thread(cluster.stop)  # cuts every connection, the kept one too
        await asyncio.to_thread(cluster.start)
        await after.start(cluster.url)
        await backend.publish(b"after", [CHANNEL])  # sent again on a new connection

        assert await after.next() == "after"
        # the listener's and the publisher's, then the publisher's again (the listener may
        # have been opened again too, by then)
        assert connector.opened >= 3
        await backend.on_shutdown()
        await after.stop()


async def test_a_server_that_cannot_be_reached_drops_the_event_and_not_the_next(
        database: str) -> None:
    connector, listener = CountingConnector(database), Listener()
    await listener.start(database)
    backend = await started(connector)
    real = connector._connect

    async def refused() -> Any:
        raise OSError("connection refused")

    try:
        connector._connect = refused
        await backend.publish(b"lost", [CHANNEL])  # does not raise
        connector._connect = real
        await backend.publish(b"next", [CHANNEL])

        assert await listener.next() == "next"
    finally:
        await backend.on_shutdown()
        await listener.stop()
