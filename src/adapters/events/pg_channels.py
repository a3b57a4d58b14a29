"""Litestar channels over PostgreSQL LISTEN/NOTIFY that outlive a database restart.

Litestar's own AsyncPgChannelsBackend opens its listening connection once, so after the
database restarts no notification arrives any more, and its publishing task dies on the
first NOTIFY that fails, so nothing is published after an outage either."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from typing import Any

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information
import structlog
from litestar.channels.backends.base import ChannelsBackend

DATABASE_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)
log = structlog.get_logger("tesigo.events")


class ReconnectingPgChannelsBackend(ChannelsBackend):
    """Channels as PostgreSQL notifications, on connections `connect` opens.

    - `publish` sends `pg_notify` on one connection, opened on first use and kept (Litestar's
      backend opens and closes one per message: a PostgreSQL backend started and torn down
      per event, at 32 concurrent sections as much database CPU as the worker's own work).
      It is best effort: a kept connection that died is replaced and the message sent again
      once; a database that cannot be reached loses the message (it is logged) and never
      stops the ones after it
    - one connection listens on every subscribed channel; when it is lost (or could not be
      opened at start-up) another is opened every `retry_s` until one is, and it listens on
      every channel subscribed by then. Notifications sent meanwhile are lost: followers
      catch up from what is stored (domain/ports/job_events.py)
    """

    def __init__(self, connect: Callable[[], Awaitable[Any]], *, retry_s: float = 1.0,
                 publish_timeout_s: float = 10.0) -> None:
        self._connect, self._retry_s = connect, retry_s
        self._publish_timeout_s = publish_timeout_s
        self._publisher: Any = None  # the publishing connection, opened on first use
        self._publishing = asyncio.Lock()
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self._listening: Any = None  # the listening connection, None while there is none
        self._lost = asyncio.Event()
        self._lock = asyncio.Lock()
        self._watcher: asyncio.Task[None] | None = None

    async def on_startup(self) -> None:
        self._queue, self._lost, self._lock = asyncio.Queue(), asyncio.Event(), asyncio.Lock()
        self._publishing = asyncio.Lock()
        try:
            await self._listen()
        except DATABASE_ERRORS as error:
            log.warning("cannot listen for events yet", error=_said(error))
            self._lost.set()
        # A context of its own: started by whichever request first needs the events, the
        # watcher must not log under that request's id for ever.
        self._watcher = asyncio.create_task(self._keep_listening(), name="channels-listener",
                                            context=contextvars.Context())

    async def on_shutdown(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        async with self._lock:
            listening, self._listening = self._listening, None
            self._channels.clear()
        if listening is not None:
            with contextlib.suppress(*DATABASE_ERRORS):
                await listening.close()
        async with self._publishing:
            await self._forget_publisher()

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        payload, names = data.decode(), list(channels)
        async with self._publishing:
            # Only a connection that was open already is worth a second try at once: a
            # failed connect would most likely fail again.
            for _ in range(2 if self._publisher is not None else 1):
                try:
                    await self._notify(payload, names)
                    return
                except DATABASE_ERRORS as error:
                    await self._forget_publisher()
                    failure: BaseException = error
            log.warning("event not published", channels=len(names), error=_said(failure))

    async def _notify(self, payload: str, channels: list[str]) -> None:
        if self._publisher is None or self._publisher.is_closed():
            self._publisher = await self._connect()
        for channel in channels:
            await self._publisher.execute("SELECT pg_notify($1, $2)", channel, payload,
                                          timeout=self._publish_timeout_s)

    async def _forget_publisher(self) -> None:
        connection, self._publisher = self._publisher, None
        if connection is not None:
            connection.terminate()

    async def subscribe(self, channels: Iterable[str]) -> None:
        async with self._lock:
            for channel in set(channels) - self._channels:
                self._channels.add(channel)  # listened to again by any later connection
                if self._listening is not None:
                    try:
                        await self._listening.add_listener(channel, self._notified)
                    except DATABASE_ERRORS:
                        self._lost.set()

    async def unsubscribe(self, channels: Iterable[str]) -> None:
        async with self._lock:
            for channel in set(channels) & self._channels:
                self._channels.discard(channel)
                if self._listening is not None:
                    with contextlib.suppress(*DATABASE_ERRORS):
                        await self._listening.remove_listener(channel, self._notified)

    async def stream_events(self) -> AsyncGenerator[tuple[str, bytes], None]:
        while True:
            channel, message = await self._queue.get()
            if channel in self._channels:  # an UNLISTEN may have crossed the message
                yield channel, message

    async def get_history(self, channel: str, limit: int | None = None) -> list[bytes]:
        raise NotImplementedError("PostgreSQL notifications keep no history")

    async def _keep_listening(self) -> None:
        while True:
            await self._lost.wait()
            self._lost.clear()  # a loss from here on is seen by the next round
            try:
                await self._listen()
            except DATABASE_ERRORS as error:
                log.warning("cannot listen for events; trying again", error=_said(error))
                self._lost.set()
                await asyncio.sleep(self._retry_s)
                continue
            log.info("listening for events again", channels=len(self._channels))

    async def _listen(self) -> None:
        connection = await self._connect()
        try:
            async with self._lock:
                for channel in self._channels:
                    await connection.add_listener(channel, self._notified)
                connection.add_termination_listener(self._terminated)
                old, self._listening = self._listening, connection
        except BaseException:
            with contextlib.suppress(*DATABASE_ERRORS):
                await connection.close()
            raise
        if old is not None:
            with contextlib.suppress(*DATABASE_ERRORS):
                await old.close()

    def _notified(self, _: Any, __: int, channel: str, payload: object) -> None:
        self._queue.put_nowait((channel, str(payload).encode()))

    def _terminated(self, connection: Any) -> None:
        if connection is self._listening:
            self._listening = None
            self._lost.set()
            log.warning("lost the connection listening for events")


def _said(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:200]
