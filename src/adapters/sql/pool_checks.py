"""Checking a pooled PostgreSQL connection before it is handed out, only when it may have
gone stale.

SQLAlchemy's `pool_pre_ping` checks every checkout, and on asyncpg its ping is three round
trips (BEGIN, a statement, ROLLBACK): ≈ 0.3 ms of CPU and 0.5 ms of waiting on every
transaction, a third of a one-statement transaction's cost (docs/performance.md). A
connection that went back to the pool a moment ago was alive a moment ago; one that sat
there longer may belong to a server that restarted meanwhile. So only a connection idle for
more than `idle_s` is pinged; a dead one is replaced before anyone uses it.

A connection that dies in use (the server restarts under a running statement) fails that
statement, which the caller gets as StorageUnavailable; SQLAlchemy then invalidates it
and every connection the pool opened before it, so the pool hands out no other connection
of the old server either.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine

_RETURNED_AT = "tesigo_returned_at"


def ping_when_idle(engine: AsyncEngine, idle_s: float,
                   clock: Callable[[], float] = time.monotonic) -> None:
    """Ping, on checkout, each connection that went back to the pool more than `idle_s`
    ago; a failed ping makes the pool open a new connection instead (DisconnectionError,
    as SQLAlchemy's own pre-ping does). A connection new to the pool is not pinged."""
    pool_owner = engine.sync_engine

    def returned(_: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = clock()

    def checked_out(dbapi_connection: Any, record: Any, _: Any) -> None:
        at = record.info.pop(_RETURNED_AT, None)
        if at is None or clock() - at <= idle_s:
            return
        try:
            pool_owner.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise DisconnectionError("a pooled connection failed its ping") from error

    event.listen(pool_owner, "checkin", returned)
    event.listen(pool_owner, "checkout", checked_out)
