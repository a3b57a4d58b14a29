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

    - `publish` is best effort: a database that cannot be reached loses the message (it is
      logged) and never stops the ones after it
    - one connection listens on every subscribed channel; when it is lost (or could not be
      opened at start-up) another is opened every `retry_s` until one is, and it listens on
      every channel subscribed by then. Notifications sent meanwhile are lost: followers
      catch up from what is stored (domain/ports/job_events.py)
    """

    def __init__(self, connect: Callable[[], Awaitable[Any]], *, retry_s: float = 1.0) -> None:
        self._connect, self._retry_s = connect, retry_s
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self._listening: Any = None  # the listening connection, None while there is none
        self._lost = asyncio.Event()
        self._lock = asyncio.Lock()
        self._watcher: asyncio.Task[None] | None = None

    async def on_startup(self) -> None:
        self._queue, self._lost, self._lock = asyncio.Queue(), asyncio.Event(), asyncio.Lock()
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

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        try:
            connection = await self._connect()
        except DATABASE_ERRORS as error:
            log.warning("event not published: database unreachable", error=_said(error))
            return
        try:
            for channel in channels:
                await connection.execute("SELECT pg_notify($1, $2)", channel, data.decode())
        except DATABASE_ERRORS as error:
            log.warning("event not published", error=_said(error))
        finally:
            with contextlib.suppress(*DATABASE_ERRORS):
                await connection.close()

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
