import asyncio
from collections.abc import Awaitable, Callable, Mapping
from functools import partial

from application.generation.estimate import GenerationEstimator, room_left
from application.generation.fit import Room
from application.generation.metered_model import MeteredModel, total_tokens
from application.generation.outline_writer import OutlineWriter
from application.generation.policy import GenerationPolicy
from application.generation.prompts import is_framing
from application.jobs.admission import Admission
from application.jobs.document_status import follow_job
from application.jobs.events import JobJournal
from application.jobs.job_holder import JobHolder
from application.jobs.job_steps import JobSteps
from application.jobs.progress import progress
from domain.documents import Document, DocumentStatus
from domain.ids import JobId
from domain.jobs import GenerationJob
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository, LeaseLost
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class RunJob:
    """Carry a claimed job forward to its end: the outline if missing, then every section not
    yet written, or the sections the job was asked to rewrite (`GenerationJob.done_with`).

    - the body sections are written at once, up to `policy.section_concurrency`, each from
      the outline and the briefs; the introduction and the conclusion come last, from the
      body's summaries (`is_framing`)
    - each finished step is saved in one transaction with the job's progress and event and
      the settlement of its tokens (a checkpoint): a crash loses at most the steps in
      flight, and a resumed job skips finished sections, so it never pays twice for them
    - a cancel request is honoured before each section starts (and during one, by the
      worker, which cancels every section in flight); a failing section cancels the others
    - every write is guarded by the worker's lease: LeaseLost when another worker took over
    - the job notes each reservation in flight in the transaction that makes it; whoever
      takes over a job whose worker died, and the job's end, release what is still held
    - on success the job succeeds and the document is ready
    - a job taken over after its last attempt's worker died
      (`GenerationJob.attempts_used_up`) fails at once, the document with it
    - a partial job starts each step only when its maximum (`GenerationEstimator`) still
      fits what the caller has left (`Admission`); the steps that do not are left out, and
      the job succeeds as far as it got, its step saying how far and why it stopped; the
      document is ready only when every section is written
    """

    def __init__(self, jobs: JobRepository, documents: DocumentRepository,
                 outline: OutlineWriter, steps: JobSteps, metered: MeteredModel,
                 estimator: GenerationEstimator, ledger: QuotaLedger, journal: JobJournal,
                 tx: TransactionManager, clock: Clock, policy: GenerationPolicy) -> None:
        self._jobs, self._documents, self._outline, self._steps = jobs, documents, outline, steps
        self._metered, self._estimator, self._ledger = metered, estimator, ledger
        self._journal, self._tx, self._clock, self._policy = journal, tx, clock, policy

    async def __call__(self, job_id: JobId, worker: str) -> GenerationJob | None:
        job = await self._jobs.get_for_worker(job_id)
        if job is None or job.finished or job.lease_owner != worker:
            return job
        job = await self._release_held(job, worker)
        if job.attempts_used_up:
            return await self._give_up(job_id, worker)
        document = await self._documents.get(job.owner, job.document_id)
        admission = Admission(self._room_of(job)) if job.partial else None
        if not document.outline:
            if admission is None:
                await self._write_outline(job, worker)
            else:
                await admission.run((await self._estimator.work_out(document)).outline,
                                    partial(self._write_outline, job, worker))
            document = await self._documents.get(job.owner, job.document_id)
        await self._tx.rollback()  # no transaction stays open while sections are written
        pending = _pending(job, document)
        costs = (await self._estimator.work_out(document, pending, job.instructions)).sections \
            if admission is not None and pending else {}
        body = [i for i in pending if not is_framing(document, document.planned_section(i))]
        framing = [i for i in pending if i not in body]
        for batch in (body, framing):
            if not await self._write_sections(job_id, worker, batch, admission, costs):
                return await self._end(job_id, worker, cancelled=True)
        return await self._end(job_id, worker, cancelled=False, admission=admission)

    def _room_of(self, job: GenerationJob) -> Callable[[], Awaitable[Room]]:
        async def room() -> Room:
            try:
                return await room_left(self._ledger, job.owner, self._clock, self._policy)
            finally:
                await self._tx.rollback()
        return room

    async def _write_sections(self, job_id: JobId, worker: str, indexes: list[int],
                              admission: Admission | None, costs: Mapping[int, int]) -> bool:
        """Write the sections at once, each in a unit of work of its own (a partial job's
        only once admitted); False when a cancel stopped them."""
        gate = asyncio.Semaphore(self._policy.section_concurrency)

        async def write_one(index: int) -> bool:
            async with self._steps.section() as write_section:
                return await write_section(job_id, worker, index)

        async def write(index: int) -> bool:
            async with gate:
                if admission is None:
                    return await write_one(index)
                return await admission.run(costs[index], partial(write_one, index))

        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(write(index)) for index in indexes]
        except BaseExceptionGroup as failed:  # the others were cancelled: report one cause
            raise _cause(failed) from None
        return all(task.result() for task in tasks)

    async def _write_outline(self, job: GenerationJob, worker: str) -> bool:
        outlined = await self._outline.draft(job.owner, job.document_id,
                                             JobHolder(self._jobs, self._clock, job.id, worker))
        try:
            locked = await self._jobs.lock_for_worker(job.id)
            if locked is None or locked.lease_owner != worker:
                raise LeaseLost
            await self._documents.save(outlined.document)
            await self._journal.record(locked.advance(
                progress=progress(locked, outlined.document), step="outline written",
                tokens=total_tokens(outlined.spent), now=self._clock.now(),
                settled=tuple(s.reservation.id for s in outlined.spent)), lease_owner=worker)
            await self._metered.settle(outlined.spent)
            await self._tx.commit()
        except BaseException:
            await self._metered.abandon_all(outlined.spent)
            raise
        await self._journal.announce()
        return True

    async def _release_held(self, job: GenerationJob, worker: str) -> GenerationJob:
        """What an earlier attempt still holds is not in flight any more: give it back."""
        if not job.held_reservations:
            return job
        now = self._clock.now()
        for reservation in job.held_reservations:
            await self._ledger.release(reservation, now)
        job = job.released(now)
        await self._jobs.save(job, lease_owner=worker)
        await self._tx.commit()
        return job

    async def _give_up(self, job_id: JobId, worker: str) -> GenerationJob:
        job = await self._jobs.lock_for_worker(job_id)
        if job is None or job.lease_owner != worker:
            raise LeaseLost
        now = self._clock.now()
        await follow_job(self._documents, job.owner, job.document_id, DocumentStatus.FAILED,
                         now)
        ended = await self._journal.record(job.give_up(now), lease_owner=worker)
        await self._tx.commit()
        await self._journal.announce()
        return ended

    async def _end(self, job_id: JobId, worker: str, *, cancelled: bool,
                   admission: Admission | None = None) -> GenerationJob:
        job = await self._jobs.lock_for_worker(job_id)
        if job is None or job.lease_owner != worker:
            raise LeaseLost
        now = self._clock.now()
        status = DocumentStatus.DRAFT if cancelled else DocumentStatus.READY
        await follow_job(self._documents, job.owner, job.document_id, status, now)
        for reservation in job.held_reservations:  # a cancelled section's, if any
            await self._ledger.release(reservation, now)
        ended = job.released(now)
        stopped = None if admission is None else admission.stopped(
            job, await self._documents.get(job.owner, job.document_id))
        if cancelled:
            ended = ended.stop_cancelled(now)
        else:
            ended = ended.succeed(now) if stopped is None else ended.stop_short(stopped, now)
        ended = await self._journal.record(ended, lease_owner=worker)
        await self._tx.commit()
        await self._journal.announce()
        return ended


def _pending(job: GenerationJob, document: Document) -> tuple[int, ...]:
    """The sections the job still has to write, in outline order."""
    chosen = document.outline if job.sections is None else [
        item for item in document.outline if item.index in job.sections]
    return tuple(item.index for item in chosen
                 if not any(s.index == item.index and job.done_with(s)
                            for s in document.sections))


def _cause(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The failure that says most: a lost lease (nothing more may be written) before the
    first other one."""
    leaves: list[BaseException] = []
    pending: list[BaseException] = [group]
    while pending:
        error = pending.pop(0)
        if isinstance(error, BaseExceptionGroup):
            pending[:0] = error.exceptions
        else:
            leaves.append(error)
    return next((e for e in leaves if isinstance(e, LeaseLost)), leaves[0])
