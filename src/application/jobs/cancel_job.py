from application.jobs.document_status import follow_job
from application.jobs.events import JobJournal
from domain.documents import DocumentStatus
from domain.ids import JobId, UserId
from domain.jobs import GenerationJob, JobState
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class CancelJob:
    """Cancel a job of the signed-in user.

    - a queued job is cancelled at once; a running one stops within the section in
      progress (its worker watches for the request) and its unused reservation is released
    - a finished job stays as it is
    """

    def __init__(self, jobs: JobRepository, documents: DocumentRepository, journal: JobJournal,
                 tx: TransactionManager, clock: Clock) -> None:
        self._jobs, self._documents, self._journal = jobs, documents, journal
        self._tx, self._clock = tx, clock

    async def __call__(self, owner: UserId, id: JobId) -> GenerationJob:
        job = await self._jobs.get(owner, id)
        now = self._clock.now()
        cancelled = job.cancel(now)
        if cancelled is job:
            return job
        if cancelled.state is JobState.CANCELLED:
            cancelled = await self._journal.record(cancelled)
            await follow_job(self._documents, owner, job.document_id, DocumentStatus.DRAFT, now)
        else:  # running: only the request is written; its worker stops the job
            await self._jobs.request_cancel(job.id)
        await self._tx.commit()
        await self._journal.announce()
        return cancelled
