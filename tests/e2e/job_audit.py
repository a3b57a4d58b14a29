"""What the database says about a set of jobs once they ended, read with plain asyncpg (not
through the application whose work is being checked)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

import asyncpg

TERMINAL = ("succeeded", "failed", "cancelled")

_JOBS = """
SELECT j.id, j.owner_id, j.state, j.attempts, j.error, j.tokens_used, j.last_seq,
       j.held_reservations::text AS held,
       coalesce(array_agg(e.seq ORDER BY e.seq) FILTER (WHERE e.seq IS NOT NULL), '{}')
           AS seqs,
       coalesce(array_agg(e.state ORDER BY e.seq) FILTER (WHERE e.seq IS NOT NULL), '{}')
           AS event_states,
       coalesce(array_agg(e.step ORDER BY e.seq) FILTER (WHERE e.seq IS NOT NULL), '{}')
           AS steps
FROM generation_jobs j LEFT JOIN job_events e ON e.job_id = j.id
WHERE j.id = ANY($1::uuid[])
GROUP BY j.id"""
_USAGE = """
SELECT user_id, -sum(delta) AS paid, count(*) AS entries,
       count(*) - count(DISTINCT reservation_id) AS paid_twice
FROM ledger_entries WHERE reason = 'usage' AND user_id = ANY($1::uuid[])
GROUP BY user_id"""
_HELD = "SELECT count(*) FROM token_reservations WHERE state = 'held'"


@dataclass(frozen=True, slots=True, kw_only=True)
class JobRecord:
    """One job as stored: its row, its events (in `seq` order) and
    the USAGE entries of its owner's ledger (the job's own when it is the owner's only
    job). Every claim counts an attempt (`attempts`)."""

    id: UUID
    owner: UUID
    state: str
    attempts: int
    error: str | None
    tokens_used: int
    last_seq: int
    still_held: bool
    seqs: Sequence[int]
    event_states: Sequence[str]
    steps: Sequence[str]
    paid: int
    usage_entries: int
    reservations_paid_twice: int

    @property
    def ends(self) -> int:
        """How many of its events are a final state."""
        return sum(state in TERMINAL for state in self.event_states)

    @property
    def starts(self) -> int:
        """Events that say `starting`: its first claim's, and those of takeovers before its
        first step was written."""
        return self.steps.count("starting")


async def wait_until_settled(url: str, timeout_s: float) -> None:
    """Until no job is queued or running; TimeoutError (with the counts) after `timeout_s`."""
    connection = await asyncpg.connect(url)
    try:
        deadline = time.monotonic() + timeout_s
        while await connection.fetchval(
                "SELECT count(*) FROM generation_jobs WHERE state IN ('queued', 'running')"):
            if time.monotonic() > deadline:
                counts = await connection.fetch(
                    "SELECT state, count(*) FROM generation_jobs GROUP BY state")
                raise TimeoutError(f"jobs still unfinished: {[tuple(c) for c in counts]}")
            await asyncio.sleep(0.1)
    finally:
        await connection.close()


async def audit(url: str, job_ids: Iterable[UUID]) -> tuple[list[JobRecord], int]:
    """The jobs `job_ids` as stored, and how many reservations of anybody are still held."""
    ids = list(job_ids)
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch(_JOBS, ids)
        owners = list({row["owner_id"] for row in rows})
        usage = {row["user_id"]: row for row in await connection.fetch(_USAGE, owners)}
        held = int(await connection.fetchval(_HELD))
    finally:
        await connection.close()
    records = []
    for row in rows:
        spent = usage.get(row["owner_id"])
        records.append(JobRecord(
            id=row["id"], owner=row["owner_id"], state=row["state"], attempts=row["attempts"],
            error=row["error"], tokens_used=row["tokens_used"], last_seq=row["last_seq"],
            still_held=row["held"] not in ("[]", "null"), seqs=list(row["seqs"]),
            event_states=list(row["event_states"]), steps=list(row["steps"]),
            paid=int(spent["paid"]) if spent else 0,
            usage_entries=int(spent["entries"]) if spent else 0,
            reservations_paid_twice=int(spent["paid_twice"]) if spent else 0))
    return records, held
