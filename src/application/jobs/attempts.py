"""What the worker records about a job attempt that did not run to its end."""

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from application.jobs.document_status import follow_job
from application.jobs.events import JobJournal
from application.jobs.policy import JobPolicy
from domain.documents import DocumentStatus
from domain.ids import JobId
from domain.jobs import GenerationJob, JobState
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class Outcome(Enum):
    RETRY = "retry"          # failed; try again (not before `delay`) unless attempts are used up
    FAIL = "fail"            # failed for good (the error will not go away by retrying)
    HAND_BACK = "hand_back"  # not a failure: the worker stops, or come back after `delay`
    CANCELLED = "cancelled"  # stopped mid-section on the user's request


@dataclass(frozen=True, slots=True, kw_only=True)
class AttemptEnd:
    job_id: JobId
    worker: str
    outcome: Outcome
    error: str | None = None
    delay: timedelta | None = None


class EndAttempt:
    """Record how an attempt ended, under the worker's lease.

    - a retried job goes back to the queue after a jittered, growing delay, and not before
      the attempt's `delay` (when the model said it may answer again); after its last
      attempt it fails with a readable error, and the document is marked failed
    - a handed-back job returns to the queue without using up an attempt
    - a cancelled job ends cancelled; the document keeps what was written
    - a job that ends gives back every reservation it still holds
    - nothing changes when the worker no longer holds the job (LeaseLost)
    """

    def __init__(self, jobs: JobRepository, documents: DocumentRepository, journal: JobJournal,
                 ledger: QuotaLedger, tx: TransactionManager, clock: Clock,
                 policy: JobPolicy) -> None:
        self._jobs, self._documents, self._journal = jobs, documents, journal
        self._ledger, self._tx, self._clock, self._policy = ledger, tx, clock, policy

    async def __call__(self, end: AttemptEnd) -> GenerationJob | None:
        await self._tx.rollback()
        # The job row first, as every step of a job takes it: one lock order.
        job = await self._jobs.lock_for_worker(end.job_id)
        if job is None or job.finished:
            return job
        now, error = self._clock.now(), end.error or "unknown error"
        match end.outcome:
            case Outcome.RETRY:
                backoff = self._policy.backoff(job.attempts)
                ended = job.retry_later(error, now, max(backoff, end.delay or backoff))
            case Outcome.FAIL:
                ended = job.fail(error, now)
            case Outcome.HAND_BACK:
                ended = job.hand_back(now, end.delay or timedelta(0))
            case Outcome.CANCELLED:
                ended = job.stop_cancelled(now)
        if ended.finished:
            status = {JobState.FAILED: DocumentStatus.FAILED}.get(ended.state,
                                                                  DocumentStatus.DRAFT)
            await follow_job(self._documents, job.owner, job.document_id, status, now)
            for reservation in ended.held_reservations:
                await self._ledger.release(reservation, now)
            ended = ended.released(now)
        ended = await self._journal.record(ended, lease_owner=end.worker)
        await self._tx.commit()
        await self._journal.announce()
        return ended
