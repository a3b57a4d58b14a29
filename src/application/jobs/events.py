from domain.jobs import GenerationJob, JobEvent
from domain.ports.job_events import JobEventPublisher
from domain.ports.jobs import JobRepository


class JobJournal:
    """Numbers and stores a job's events in the caller's transaction; `announce` publishes
    them once the caller has committed, so followers never see an event that rolled back."""

    def __init__(self, jobs: JobRepository, publisher: JobEventPublisher) -> None:
        self._jobs, self._publisher = jobs, publisher
        self._pending: list[JobEvent] = []

    async def record(self, job: GenerationJob, *, lease_owner: str | None = None,
                     new: bool = False) -> GenerationJob:
        numbered, event = job.event(job.updated_at)
        if new:
            await self._jobs.add(numbered)
            await self._jobs.append_event(event)
        else:
            await self._jobs.save_with_event(numbered, event, lease_owner=lease_owner)
        self._pending.append(event)
        return numbered

    async def announce(self) -> None:
        pending, self._pending = self._pending, []
        for event in pending:
            await self._publisher.publish(event)
