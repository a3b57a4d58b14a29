"""A job's follower gets every event once and in order even when live events are lost (as
while the database restarts): a gap or a quiet spell sends it back to the store, and a store
it cannot read then is asked again."""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from uuid import uuid4

from tests.builders import a_job, an_event

from domain.ids import DocumentId, UserId
from domain.jobs import GenerationJob, JobEvent, JobState
from domain.ports.transactions import StorageUnavailable
from entrypoints.http.job_event_stream import followed

JOB = a_job(owner=UserId(uuid4()), document=DocumentId(uuid4()))


class Store:
    """The stored events of JOB; `outages` reads fail with StorageUnavailable first."""

    def __init__(self, outages: int = 0) -> None:
        self.events: list[JobEvent] = []
        self.reads, self._outages = 0, outages

    def add(self, *events: JobEvent) -> None:
        self.events.extend(events)

    async def since(self, after: int) -> tuple[GenerationJob, list[JobEvent]]:
        self.reads += 1
        if self.reads > 1 and self._outages:
            self._outages -= 1
            raise StorageUnavailable
        last = self.events[-1] if self.events else None
        job = replace(JOB, last_seq=last.seq if last else 0,
                      state=last.state if last else JobState.QUEUED)
        return job, [e for e in self.events if e.seq > after]


def event(seq: int, state: JobState = JobState.RUNNING) -> JobEvent:
    return an_event(job=JOB, seq=seq, state=state)


async def live_of(queue: asyncio.Queue[JobEvent]) -> AsyncIterator[JobEvent]:
    while True:
        yield await queue.get()


async def all_of(store: Store, live: asyncio.Queue[JobEvent], after: int = 0,
                 quiet_s: float = 5.0) -> list[int]:
    async with asyncio.timeout(10):
        return [e.seq async for e in followed(store.since, live_of(live), after,
                                              quiet_s=quiet_s)]


async def test_a_gap_in_the_live_events_is_filled_from_the_store() -> None:
    store, live = Store(), asyncio.Queue[JobEvent]()
    store.add(event(1))
    following = asyncio.create_task(all_of(store, live))
    await asyncio.sleep(0.05)  # it has read the store and follows the live events
    store.add(event(2), event(3), event(4, JobState.SUCCEEDED))
    live.put_nowait(event(4, JobState.SUCCEEDED))  # 2 and 3 were never announced
    assert await following == [1, 2, 3, 4]
    assert store.reads == 2


async def test_a_quiet_spell_asks_the_store_and_an_unreadable_one_again() -> None:
    store, live = Store(outages=1), asyncio.Queue[JobEvent]()
    store.add(event(1), event(2))
    following = asyncio.create_task(all_of(store, live, after=1, quiet_s=0.05))
    await asyncio.sleep(0.02)
    store.add(event(3, JobState.SUCCEEDED))  # announced to nobody
    assert await following == [2, 3]
    assert store.reads >= 3  # the first read, the one that failed, the one that found 3


async def test_live_events_in_order_need_no_store() -> None:
    store, live = Store(), asyncio.Queue[JobEvent]()
    following = asyncio.create_task(all_of(store, live))
    for seq in (1, 1, 2):  # a repeat is sent once
        live.put_nowait(event(seq))
    live.put_nowait(event(3, JobState.FAILED))
    assert await following == [1, 2, 3]
    assert store.reads == 1
