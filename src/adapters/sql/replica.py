"""A PostgreSQL streaming replica, used while it is up and close enough behind its primary."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import structlog
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

log = structlog.get_logger("tesigo.storage")
CHECK_EVERY_S = 2.0  # a check's answer is kept this long, so requests do not each run one
CHECK_TIMEOUT_S = 2.0  # a replica that does not answer within this is taken as down
# Seconds behind the primary. "No WAL left to replay" is no lag: on an idle primary
# now() - pg_last_xact_replay_timestamp() grows though the replica has everything.
# A server that is not in recovery (promoted, or not a replica at all) has no lag either.
LAG = text("""
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
  ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 'Infinity')
END
""")


class ReadReplica:
    """Whether the replica may serve a read now: it answers within CHECK_TIMEOUT_S and is
    at most `max_lag_s` seconds behind. The answer is cached for `check_every_s`; one check
    runs at a time, and requests meanwhile get the last answer (at first: not usable), so a
    replica that hangs slows only the request that runs the check. Never raises: a replica
    that fails the check is skipped until a later check finds it usable again."""

    def __init__(self, engine: AsyncEngine, max_lag_s: float, *,
                 check_every_s: float = CHECK_EVERY_S,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._engine, self._max_lag_s = engine, max_lag_s
        self._check_every_s, self._monotonic = check_every_s, monotonic
        self._usable, self._checked_at = False, float("-inf")
        self._lock = asyncio.Lock()

    async def usable(self) -> bool:
        if self._lock.locked():  # a check is under way: the last answer, without waiting
            return self._usable
        async with self._lock:
            if self._monotonic() - self._checked_at >= self._check_every_s:
                usable = await self._check()
                if usable != self._usable:
                    log.info("replica_usable" if usable else "replica_skipped")
                self._usable = usable
                self._checked_at = self._monotonic()
            return self._usable

    async def lag_s(self) -> float:
        """Seconds behind the primary, as the check measures it; raises when unreachable."""
        async with asyncio.timeout(CHECK_TIMEOUT_S), self._engine.connect() as connection:
            return float((await connection.execute(LAG)).scalar_one())

    async def _check(self) -> bool:
        try:
            return await self.lag_s() <= self._max_lag_s
        except Exception:  # down, refusing, timing out: all mean "skip it"
            return False
