"""What a follower of a job is sent: every event after the one it last saw, once each and in
order, up to the job's terminal event, from what is stored and from the live events."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Sequence

import structlog

from domain.jobs import TERMINAL, GenerationJob, JobEvent
from domain.ports.transactions import StorageBusy, StorageUnavailable

QUIET_S = 5.0
StoredSince = Callable[[int], Awaitable[tuple[GenerationJob, Sequence[JobEvent]]]]
log = structlog.get_logger("tesigo.events")


async def followed(stored_since: StoredSince, live: AsyncIterator[JobEvent], after: int, *,
                   quiet_s: float = QUIET_S) -> AsyncGenerator[JobEvent, None]:
    """The stored events after `after`, then the live ones, ending after a terminal event.

    `live` must already be followed (so nothing falls between the store and it). Live
    events are best effort (lost while the database is away, or by a slow listener), so a
    live event past a gap in the sequence, or `quiet_s` without any, sends the follower
    back to the store for what it missed; a store that cannot be read then is asked again
    at the next chance. The first read's errors are the caller's.
    """
    arrived: asyncio.Queue[JobEvent] = asyncio.Queue()
    pumping = asyncio.create_task(_pump(live, arrived))
    try:
        job, events = await stored_since(after)
        last = after
        while True:
            for event in events:
                if event.seq == last + 1:
                    yield event
                    last = event.seq
            if (job.finished and last >= job.last_seq) or any(
                    e.state in TERMINAL and e.seq == last for e in events):
                return
            events = await _next(arrived, last, quiet_s)
            if not events or events[0].seq != last + 1:  # quiet, or a gap: ask the store
                try:
                    job, events = await stored_since(last)
                except (StorageBusy, StorageUnavailable):
                    events = []
    finally:
        pumping.cancel()


async def _next(arrived: asyncio.Queue[JobEvent], last: int, quiet_s: float) -> list[JobEvent]:
    """The next live event after `last` (as a list of one), or none after `quiet_s`."""
    with contextlib.suppress(TimeoutError):
        while True:
            event = await asyncio.wait_for(arrived.get(), quiet_s)
            if event.seq > last:
                return [event]
    return []


async def _pump(live: AsyncIterator[JobEvent], arrived: asyncio.Queue[JobEvent]) -> None:
    try:
        async for event in live:
            arrived.put_nowait(event)
    except Exception:  # the store is still asked after each quiet spell
        log.exception("live job events stopped")
