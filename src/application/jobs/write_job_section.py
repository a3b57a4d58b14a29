from application.generation.metered_model import MeteredModel, total_tokens
from application.generation.section_writer import SectionWriter
from application.jobs.events import JobJournal
from application.jobs.job_holder import JobHolder
from application.jobs.progress import progress
from domain.ids import JobId
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository, LeaseLost
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class WriteJobSection:
    """Write one section of a running job, as one of several written at once.

    - nothing is written once a cancel was requested (answers False), nor for a section the
      job is done with (`GenerationJob.done_with`: any written one, for a job that writes
      what is missing; one it wrote itself, for a job that rewrites chosen sections),
      which answers True
    - the section is written with the job's instructions, if any
    - the section is saved in one transaction with the job's progress, its event and the
      settlement of every call that wrote it (a checkpoint); the job row is locked first,
      so concurrent sections of the job take turns and none overwrites another's progress
    - every write is guarded by the worker's lease: LeaseLost when another worker took over
    - a step that fails is charged nothing: its calls are released
    """

    def __init__(self, jobs: JobRepository, documents: DocumentRepository,
                 sections: SectionWriter, metered: MeteredModel, journal: JobJournal,
                 tx: TransactionManager, clock: Clock) -> None:
        self._jobs, self._documents, self._sections = jobs, documents, sections
        self._metered, self._journal, self._tx, self._clock = metered, journal, tx, clock

    async def __call__(self, job_id: JobId, worker: str, index: int) -> bool:
        job = await self._jobs.get_for_worker(job_id)
        if job is None or job.finished or job.lease_owner != worker:
            raise LeaseLost
        if job.cancel_requested:
            return False
        document = await self._documents.get(job.owner, job.document_id)
        if any(s.index == index and job.done_with(s) for s in document.sections):
            return True
        await self._tx.rollback()  # no transaction stays open during the model's calls
        draft = await self._sections.draft(job.owner, job.document_id, index,
                                           JobHolder(self._jobs, self._clock, job_id, worker),
                                           instructions=job.instructions)
        try:
            locked = await self._jobs.lock_for_worker(job_id)
            if locked is None or locked.lease_owner != worker:
                raise LeaseLost
            written = await self._sections.apply(
                await self._documents.get(job.owner, job.document_id), draft.section)
            await self._documents.save(written)
            await self._journal.record(locked.advance(
                progress=progress(locked, written), step=f"section {index} written",
                tokens=total_tokens(draft.spent), now=self._clock.now(),
                settled=tuple(s.reservation.id for s in draft.spent)), lease_owner=worker)
            # Settled last: it locks the service's day row, which every job shares.
            await self._metered.settle(draft.spent)
            await self._tx.commit()
        except BaseException:
            await self._metered.abandon_all(draft.spent)
            raise
        await self._journal.announce()
        return True
