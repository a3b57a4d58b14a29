"""Litestar channels over PostgreSQL LISTEN/NOTIFY, publishing on one long-lived connection.

Litestar's own asyncpg backend opens and closes a new connection for every published event
(a PostgreSQL backend started and torn down per event: at 32 concurrent sections that cost
the database as much CPU as the worker's own work). Subscribing is unchanged: this is that
backend with `publish` replaced."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import structlog
from litestar.channels.backends.asyncpg import AsyncPgChannelsBackend

log = structlog.get_logger("tesigo.events")


class PgNotifyChannelsBackend(AsyncPgChannelsBackend):
    """`publish` sends `pg_notify` on one connection, opened on first use and kept. When that
    connection has died (PostgreSQL restarted, the connection was cut), the event is sent
    again on a new connection; when none can be opened, the event is dropped with a warning
    and the next publish tries again. `publish` never raises: Litestar's plugin publishes
    from one task that would stop for good on the first error, and live events are best
    effort (a follower catches up from the stored events)."""

    def __init__(self, *, make_connection: Callable[[], Awaitable[Any]],
                 timeout_s: float) -> None:
        super().__init__(make_connection=make_connection)
        self._timeout_s = timeout_s
        self._publisher: Any = None
        self._publishing = asyncio.Lock()

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        payload, names = data.decode(), list(channels)
        async with self._publishing:
            # Only a connection that was already open is worth a second try at once: a
            # failed connect would most likely fail again.
            for _ in range(2 if self._publisher is not None else 1):
                try:
                    await self._notify(payload, names)
                    return
                except Exception as error:  # logged; the contract is best effort
                    await self._forget_connection()
                    failure = error
            log.warning("job event not published", channels=len(names),
                        reason=type(failure).__name__)

    async def on_shutdown(self) -> None:
        async with self._publishing:
            await self._forget_connection()
        await super().on_shutdown()

    async def _notify(self, payload: str, channels: list[str]) -> None:
        if self._publisher is None or self._publisher.is_closed():
            self._publisher = await self._connect()
        for channel in channels:
            await self._publisher.execute("SELECT pg_notify($1, $2)", channel, payload,
                                          timeout=self._timeout_s)

    async def _forget_connection(self) -> None:
        connection, self._publisher = self._publisher, None
        if connection is not None:
            connection.terminate()
