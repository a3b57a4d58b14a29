from application.generation.metered_model import Holder
from domain.ids import JobId
from domain.jobs import GenerationJob
from domain.ports.jobs import JobRepository, LeaseLost
from domain.ports.system import Clock
from domain.quota import Reservation


class JobHolder(Holder):
    """Notes on the job each reservation of a step in flight, under the worker's lease. The
    job row is locked before the quota rows, as in every step's checkpoint. `hold` notes the
    reservation on the job as `lock` read it: the row stays locked until the transaction
    ends, so that read is still what storage holds (no second read)."""

    def __init__(self, jobs: JobRepository, clock: Clock, job_id: JobId, worker: str) -> None:
        self._jobs, self._clock, self._job_id, self._worker = jobs, clock, job_id, worker
        self._locked: GenerationJob | None = None

    async def lock(self) -> None:
        job = await self._jobs.lock_for_worker(self._job_id)
        if job is None or job.lease_owner != self._worker:
            raise LeaseLost
        self._locked = job

    async def hold(self, reservation: Reservation) -> None:
        job, self._locked = self._locked, None
        if job is None:  # not locked in this transaction: read it now
            job = await self._jobs.get_for_worker(self._job_id)
        if job is None:
            raise LeaseLost
        await self._jobs.save(job.holding(reservation.id, self._clock.now()),
                              lease_owner=self._worker)
