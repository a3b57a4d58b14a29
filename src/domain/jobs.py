"""A whole document's generation as a job: claimed by one worker at a time under a lease,
checkpointed section by section, retried with backoff, and cancellable."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import InvalidTransition
from domain.ids import DocumentId, JobId, ReservationId, UserId

MAX_ATTEMPTS = 5


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


TERMINAL = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED})


@dataclass(frozen=True, slots=True, kw_only=True)
class JobEvent:
    """One numbered step of a job's progress, as clients see it."""

    job_id: JobId
    seq: int
    state: JobState
    progress: float
    step: str
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerationJob:
    id: JobId
    owner: UserId
    document_id: DocumentId
    state: JobState
    created_at: datetime
    updated_at: datetime
    run_after: datetime
    progress: float = 0.0
    step: str = "queued"
    attempts: int = 0
    max_attempts: int = MAX_ATTEMPTS
    error: str | None = None
    tokens_used: int = 0
    lease_owner: str | None = None
    lease_expires_at: datetime | None = None
    cancel_requested: bool = False
    last_seq: int = 0
    held_reservations: tuple[ReservationId, ...] = ()

    @classmethod
    def queue(cls, *, id: JobId, owner: UserId, document_id: DocumentId,
              now: datetime) -> GenerationJob:
        return cls(id=id, owner=owner, document_id=document_id, state=JobState.QUEUED,
                   created_at=now, updated_at=now, run_after=now)

    @property
    def finished(self) -> bool:
        return self.state in TERMINAL

    def claimable(self, now: datetime) -> bool:
        """Queued and due, or running under a lease that ran out (its worker died)."""
        if self.state is JobState.QUEUED:
            return self.run_after <= now
        return (self.state is JobState.RUNNING and self.lease_expires_at is not None
                and self.lease_expires_at <= now)

    def claim(self, worker: str, now: datetime, lease: timedelta) -> GenerationJob:
        if not self.claimable(now):
            raise InvalidTransition("This job cannot be claimed now.")
        return replace(self, state=JobState.RUNNING, attempts=self.attempts + 1,
                       lease_owner=worker, lease_expires_at=now + lease, updated_at=now,
                       step=self.step if self.attempts else "starting")

    def holding(self, reservation: ReservationId, now: datetime) -> GenerationJob:
        """The job holds tokens for a step in flight (several steps may be in flight at
        once); should its worker die, whoever takes the job over releases them."""
        return replace(self, held_reservations=(*self.held_reservations, reservation),
                       updated_at=now)

    def released(self, now: datetime) -> GenerationJob:
        return replace(self, held_reservations=(), updated_at=now)

    def advance(self, *, progress: float, step: str, tokens: int, now: datetime,
                settled: tuple[ReservationId, ...] = ()) -> GenerationJob:
        """A step finished; `settled` are the reservations its tokens were settled from,
        in the same transaction, which the job no longer holds."""
        return replace(self, progress=max(0.0, min(1.0, progress)), step=step,
                       tokens_used=self.tokens_used + tokens, updated_at=now,
                       held_reservations=tuple(r for r in self.held_reservations
                                               if r not in settled))

    def succeed(self, now: datetime) -> GenerationJob:
        return self._end(JobState.SUCCEEDED, now, progress=1.0, step="done")

    def fail(self, error: str, now: datetime) -> GenerationJob:
        return self._end(JobState.FAILED, now, error=error[:1000], step="failed")

    def retry_later(self, error: str, now: datetime, delay: timedelta) -> GenerationJob:
        """Back to the queue after a failed attempt, or failed for good after the last."""
        if self.attempts >= self.max_attempts:
            return self.fail(f"Gave up after {self.attempts} attempts: {error}", now)
        return replace(self, state=JobState.QUEUED, run_after=now + delay, error=error[:1000],
                       lease_owner=None, lease_expires_at=None, updated_at=now,
                       step="waiting to retry")

    def hand_back(self, now: datetime, delay: timedelta = timedelta(0)) -> GenerationJob:
        """Back to the queue without counting an attempt: the worker is stopping, or the
        model asked us to come back later."""
        return replace(self, state=JobState.QUEUED, run_after=now + delay,
                       attempts=max(0, self.attempts - 1), lease_owner=None,
                       lease_expires_at=None, updated_at=now)

    def cancel(self, now: datetime) -> GenerationJob:
        """A queued job is cancelled at once; a running one is asked to stop, which its
        worker does within the section in progress. A finished job stays as it is."""
        if self.finished:
            return self
        if self.state is JobState.QUEUED:
            return self._end(JobState.CANCELLED, now, step="cancelled")
        return replace(self, cancel_requested=True, updated_at=now)

    def stop_cancelled(self, now: datetime) -> GenerationJob:
        return self._end(JobState.CANCELLED, now, step="cancelled")

    def event(self, now: datetime) -> tuple[GenerationJob, JobEvent]:
        """The job with its next event number, and that event."""
        numbered = replace(self, last_seq=self.last_seq + 1)
        return numbered, JobEvent(job_id=self.id, seq=numbered.last_seq, state=self.state,
                                  progress=self.progress, step=self.step, at=now)

    def _end(self, state: JobState, now: datetime, **changes: object) -> GenerationJob:
        return replace(self, state=state, lease_owner=None, lease_expires_at=None,
                       updated_at=now, **changes)  # type: ignore[arg-type]
