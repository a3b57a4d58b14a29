import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from domain.ids import JobId
from domain.jobs import JobEvent
from domain.ports.job_events import JobEventPublisher


class InMemoryJobEventPublisher(JobEventPublisher):
    """Events delivered to followers in this process; `published` keeps them all."""

    def __init__(self) -> None:
        self.published: list[JobEvent] = []
        self._followers: dict[JobId, set[asyncio.Queue[JobEvent]]] = defaultdict(set)

    async def publish(self, event: JobEvent) -> None:
        self.published.append(event)
        for queue in self._followers[event.job_id]:
            queue.put_nowait(event)

    @asynccontextmanager
    async def follow(self, job_id: JobId) -> AsyncIterator[AsyncIterator[JobEvent]]:
        queue: asyncio.Queue[JobEvent] = asyncio.Queue()
        self._followers[job_id].add(queue)

        async def events() -> AsyncIterator[JobEvent]:
            while True:
                yield await queue.get()

        try:
            yield events()
        finally:
            self._followers[job_id].discard(queue)
