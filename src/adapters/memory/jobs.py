from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from adapters.memory.database import DOCUMENTS, GENERATION_JOBS, JOB_EVENTS
from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import Conflict, NotFound
from domain.ids import DocumentId, JobId, UserId
from domain.jobs import GenerationJob, JobEvent, JobState
from domain.ports.jobs import JobRepository, LeaseLost

_ACTIVE = frozenset({JobState.QUEUED, JobState.RUNNING})


class InMemoryJobRepository(JobRepository):
    """Jobs and events as rows; a job whose document is gone is gone with its events, as
    the foreign keys cascade in SQL.

    Like the SQL adapter's row locks, `claim` skips jobs that another live transaction
    holds (SKIP LOCKED) and takes the ones it claims; `save` takes its job, waiting (up to
    10 s) for another transaction that holds it to end, as an UPDATE waits.
    """

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, job: GenerationJob) -> None:
        if self._tx.get(DOCUMENTS, job.document_id) is None:
            raise NotFound("No such document.")
        self._tx.put(GENERATION_JOBS, job.id, job)

    async def get(self, owner: UserId, id: JobId) -> GenerationJob:
        job = await self.get_for_worker(id)
        if job is None or job.owner != owner:
            raise NotFound("No such job.")
        return job

    async def get_for_worker(self, id: JobId) -> GenerationJob | None:
        job: GenerationJob | None = self._tx.get(GENERATION_JOBS, id)
        return job if job is not None and self._alive(job) else None

    async def lock_for_worker(self, id: JobId) -> GenerationJob | None:
        if await self.get_for_worker(id) is None:
            return None
        await self._tx.wait_for_row(GENERATION_JOBS, id)
        return await self.get_for_worker(id)

    async def claim(self, worker: str, now: datetime, lease: timedelta,
                    limit: int) -> list[GenerationJob]:
        due = sorted((job for job in self._jobs() if job.claimable(now)),
                     key=lambda job: (job.created_at, job.id))
        claimed: list[GenerationJob] = []
        for job in due:
            if len(claimed) == limit:
                break
            if self._tx.lock_row(GENERATION_JOBS, job.id):
                claimed.append(job.claim(worker, now, lease))
                self._tx.put(GENERATION_JOBS, job.id, claimed[-1])
        return claimed

    async def save(self, job: GenerationJob, *, lease_owner: str | None = None) -> None:
        await self._tx.wait_for_row(GENERATION_JOBS, job.id)
        stored = await self.get_for_worker(job.id)
        if lease_owner is not None and (stored is None or stored.lease_owner != lease_owner):
            raise LeaseLost()
        if stored is None:
            raise NotFound("No such job.")
        cancel_requested = job.cancel_requested or stored.cancel_requested
        expiry = (stored.lease_expires_at if lease_owner is not None
                  and job.lease_owner == lease_owner else job.lease_expires_at)
        self._tx.put(GENERATION_JOBS, job.id, replace(job, cancel_requested=cancel_requested,
                                                      lease_expires_at=expiry))

    async def save_with_event(self, job: GenerationJob, event: JobEvent, *,
                              lease_owner: str | None = None) -> None:
        if self._tx.get(JOB_EVENTS, (event.job_id, event.seq)) is not None:
            raise Conflict("That job event is already stored.")  # before the save: no half
        await self.save(job, lease_owner=lease_owner)
        await self.append_event(event)

    async def extend_lease(self, id: JobId, worker: str, until: datetime) -> bool:
        await self._tx.wait_for_row(GENERATION_JOBS, id)
        stored = await self.get_for_worker(id)
        if stored is None or stored.lease_owner != worker:
            raise LeaseLost()
        self._tx.put(GENERATION_JOBS, id, replace(stored, lease_expires_at=until))
        return stored.cancel_requested

    async def request_cancel(self, id: JobId) -> None:
        await self._tx.wait_for_row(GENERATION_JOBS, id)
        stored = await self.get_for_worker(id)
        if stored is None:
            raise NotFound("No such job.")
        self._tx.put(GENERATION_JOBS, id, replace(stored, cancel_requested=True))

    async def active_for_document(self, document_id: DocumentId) -> GenerationJob | None:
        active = [job for job in self._jobs()
                  if job.document_id == document_id and job.state in _ACTIVE]
        return max(active, key=lambda job: (job.created_at, job.id), default=None)

    async def all_of(self, owner: UserId) -> Sequence[GenerationJob]:
        return sorted((job for job in self._jobs() if job.owner == owner),
                      key=lambda job: (job.created_at, job.id))

    async def append_event(self, event: JobEvent) -> None:
        if await self.get_for_worker(event.job_id) is None:
            raise NotFound("No such job.")
        key = (event.job_id, event.seq)
        if self._tx.get(JOB_EVENTS, key) is not None:
            raise Conflict("That job event is already stored.")
        self._tx.put(JOB_EVENTS, key, event, guard=Conflict)

    async def events_after(self, job_id: JobId, after: int,
                           limit: int = 500) -> Sequence[JobEvent]:
        if await self.get_for_worker(job_id) is None:
            return []
        events: list[JobEvent] = self._tx.rows(JOB_EVENTS)
        later = (event for event in events if event.job_id == job_id and event.seq > after)
        return sorted(later, key=lambda event: event.seq)[:limit]

    async def count_by_state(self) -> Mapping[JobState, int]:
        counted = Counter(job.state for job in self._jobs())
        return {state: counted[state] for state in JobState}

    def _jobs(self) -> list[GenerationJob]:
        jobs: list[GenerationJob] = self._tx.rows(GENERATION_JOBS)
        return [job for job in jobs if self._alive(job)]

    def _alive(self, job: GenerationJob) -> bool:
        return self._tx.get(DOCUMENTS, job.document_id) is not None
