from collections.abc import Sequence

from domain.ids import JobId, UserId
from domain.jobs import GenerationJob, JobEvent
from domain.ports.jobs import JobRepository


class GetJob:
    """A job of the signed-in user; another user's job is NotFound, like a missing one."""

    def __init__(self, jobs: JobRepository) -> None:
        self._jobs = jobs

    async def __call__(self, owner: UserId, id: JobId) -> GenerationJob:
        return await self._jobs.get(owner, id)


class JobEventsSince:
    """A job's stored events after `after`, for a follower catching up; ownership checked."""

    def __init__(self, jobs: JobRepository) -> None:
        self._jobs = jobs

    async def __call__(self, owner: UserId, id: JobId,
                       after: int) -> tuple[GenerationJob, Sequence[JobEvent]]:
        job = await self._jobs.get(owner, id)
        return job, await self._jobs.events_after(job.id, after)
