from abc import abstractmethod
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Protocol

from domain.ids import JobId
from domain.jobs import JobEvent


class JobEventPublisher(Protocol):
    """Live job events, between processes.

    - `publish` announces an event that is already committed; it is best effort: a follower
      that misses one catches up from the stored events.
    - `follow` is entered before a follower reads the stored events, and from then on its
      iterator yields every event published for the job, in the order published, until the
      context is left.
    """

    @abstractmethod
    async def publish(self, event: JobEvent) -> None: ...

    @abstractmethod
    def follow(self, job_id: JobId) -> AbstractAsyncContextManager[AsyncIterator[JobEvent]]: ...
