from datetime import timedelta

from application.jobs.events import JobJournal
from domain.ids import JobId
from domain.ports.jobs import JobRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class ClaimJobs:
    """Take up to `limit` jobs that are due (or whose worker's lease ran out) for `worker`,
    under a lease of `lease_s` seconds; returns their ids. Concurrent workers never claim
    the same job."""

    def __init__(self, jobs: JobRepository, journal: JobJournal, tx: TransactionManager,
                 clock: Clock) -> None:
        self._jobs, self._journal, self._tx, self._clock = jobs, journal, tx, clock

    async def __call__(self, worker: str, limit: int, lease_s: int) -> list[JobId]:
        claimed = await self._jobs.claim(worker, self._clock.now(), timedelta(seconds=lease_s),
                                         limit)
        for job in claimed:
            await self._journal.record(job, lease_owner=worker)
        await self._tx.commit()
        await self._journal.announce()
        return [job.id for job in claimed]


class KeepLease:
    """Extend a running job's lease; returns whether the user asked to cancel it. Raises
    LeaseLost when another worker took the job over."""

    def __init__(self, jobs: JobRepository, tx: TransactionManager, clock: Clock) -> None:
        self._jobs, self._tx, self._clock = jobs, tx, clock

    async def __call__(self, job_id: JobId, worker: str, lease_s: int) -> bool:
        # Only the expiry is written: a whole-job save here would race the runner's own
        # writes (its progress and event numbers) to the same row.
        cancel = await self._jobs.extend_lease(job_id, worker,
                                               self._clock.now() + timedelta(seconds=lease_s))
        await self._tx.commit()
        return cancel
