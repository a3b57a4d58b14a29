from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar.channels import ChannelsPlugin

from adapters.events.codec import decode_event, encode_event
from domain.ids import JobId
from domain.jobs import JobEvent
from domain.ports.job_events import JobEventPublisher


def channel_of(job_id: JobId) -> str:
    return f"job:{job_id}"


class ChannelsJobEventPublisher(JobEventPublisher):
    """Job events over Litestar channels: in-process with the memory backend, between
    processes with the asyncpg backend (PostgreSQL LISTEN/NOTIFY). The plugin must be
    running (entered) while this is used."""

    def __init__(self, plugin: ChannelsPlugin) -> None:
        self._plugin = plugin

    async def publish(self, event: JobEvent) -> None:
        self._plugin.publish(encode_event(event), channel_of(event.job_id))

    @asynccontextmanager
    async def follow(self, job_id: JobId) -> AsyncIterator[AsyncIterator[JobEvent]]:
        subscriber = await self._plugin.subscribe(channel_of(job_id))
        try:
            yield (decode_event(raw) async for raw in subscriber.iter_events())
        finally:
            await self._plugin.unsubscribe(subscriber)
