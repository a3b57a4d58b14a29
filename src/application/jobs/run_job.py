from application.generation.metered_model import OnHold
from application.generation.writers import Drafted, OutlineWriter, SectionWriter
from application.jobs.document_status import follow_job
from application.jobs.events import JobJournal
from domain.documents import Document, DocumentStatus
from domain.ids import JobId
from domain.jobs import GenerationJob
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.quota import Reservation


class RunJob:
    """Carry a claimed job forward to its end: the outline if missing, then every section not
    yet written.

    - each finished step is saved in one transaction with the job's progress and event and
      the settlement of its tokens (a checkpoint): a crash loses at most the step in flight,
      and a resumed job skips finished sections, so it never pays twice for them
    - a cancel request is honoured between sections (and during one, by the worker)
    - every write is guarded by the worker's lease: LeaseLost when another worker took over
    - the job notes the reservation of the step in flight in the transaction that makes it;
      a worker taking over a job whose worker died releases that reservation first
    - on success the job succeeds and the document is ready
    """

    def __init__(self, jobs: JobRepository, documents: DocumentRepository,
                 outline: OutlineWriter, sections: SectionWriter, ledger: QuotaLedger,
                 journal: JobJournal, tx: TransactionManager, clock: Clock) -> None:
        self._jobs, self._documents = jobs, documents
        self._outline, self._sections = outline, sections
        self._ledger, self._journal, self._tx, self._clock = ledger, journal, tx, clock

    async def __call__(self, job_id: JobId, worker: str) -> GenerationJob | None:
        job = await self._jobs.get_for_worker(job_id)
        if job is None or job.finished or job.lease_owner != worker:
            return job
        job = await self._release_what_a_dead_worker_held(job, worker)
        document = await self._documents.get(job.owner, job.document_id)
        if not document.outline:
            job = await self._checkpoint(job, worker, await self._outline.draft(
                job.owner, job.document_id, self._holder(job, worker)), "outline written")
            document = await self._documents.get(job.owner, job.document_id)
        for item in document.outline:
            if any(s.index == item.index for s in document.sections):
                continue
            job = await self._fresh(job)
            if job.cancel_requested:
                return await self._end(job, worker, cancelled=True)
            job = await self._checkpoint(job, worker, await self._sections.draft(
                job.owner, job.document_id, item.index, self._holder(job, worker)),
                f"section {item.index} written")
        return await self._end(await self._fresh(job), worker, cancelled=False)

    def _holder(self, job: GenerationJob, worker: str) -> OnHold:
        async def hold(reservation: Reservation) -> None:
            await self._jobs.save(job.holding(reservation.id, self._clock.now()),
                                  lease_owner=worker)

        return hold

    async def _release_what_a_dead_worker_held(self, job: GenerationJob,
                                               worker: str) -> GenerationJob:
        if job.held_reservation is None:
            return job
        now = self._clock.now()
        await self._ledger.release(job.held_reservation, now)
        job = job.released(now)
        await self._jobs.save(job, lease_owner=worker)
        await self._tx.commit()
        return job

    async def _fresh(self, job: GenerationJob) -> GenerationJob:
        """The job as stored, to see a cancel request made since it was read."""
        stored = await self._jobs.get_for_worker(job.id)
        return stored if stored is not None else job

    async def _checkpoint(self, job: GenerationJob, worker: str, drafted: Drafted,
                          step: str) -> GenerationJob:
        now = self._clock.now()
        await self._documents.save(drafted.document)
        job = await self._journal.record(
            job.advance(progress=_progress(drafted.document), step=step,
                        tokens=drafted.usage.total_tokens, now=now), lease_owner=worker)
        # Settled last: it locks the service's day row, which every job shares, until commit.
        await self._ledger.settle(drafted.reservation.id, drafted.usage, now)
        await self._tx.commit()
        await self._journal.announce()
        return job

    async def _end(self, job: GenerationJob, worker: str, *, cancelled: bool) -> GenerationJob:
        now = self._clock.now()
        ended = job.stop_cancelled(now) if cancelled else job.succeed(now)
        status = DocumentStatus.DRAFT if cancelled else DocumentStatus.READY
        await follow_job(self._documents, job.owner, job.document_id, status, now)
        ended = await self._journal.record(ended, lease_owner=worker)
        await self._tx.commit()
        await self._journal.announce()
        return ended


def _progress(document: Document) -> float:
    """The outline counts as one step, each section as one more."""
    steps = 1 + len(document.outline)
    done = (1 if document.outline else 0) + len(document.sections)
    return round(done / steps, 4)
