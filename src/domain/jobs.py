"""A whole document's generation as a job: claimed by one worker at a time under a lease,
checkpointed section by section, retried with backoff, and cancellable."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from domain.documents import Document, Section
from domain.errors import InvalidInput, InvalidTransition
from domain.ids import DocumentId, JobId, ReservationId, UserId

MAX_ATTEMPTS = 5
INSTRUCTIONS_MAX = 2_000
# What a document cannot hold (XML 1.0): C0 controls but tab and line breaks, U+FFFE, U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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
    sections: tuple[int, ...] | None = None
    instructions: str | None = None
    partial: bool = False

    @classmethod
    def queue(cls, *, id: JobId, owner: UserId, document_id: DocumentId, now: datetime,
              sections: tuple[int, ...] | None = None, instructions: str | None = None,
              partial: bool = False) -> GenerationJob:
        """`sections` are the ones to write anew (None: every section not yet written),
        `instructions` what the writer asks of them; a `partial` job writes what fits the
        caller's credits and limits, and stops there."""
        return cls(id=id, owner=owner, document_id=document_id, state=JobState.QUEUED,
                   created_at=now, updated_at=now, run_after=now, sections=sections,
                   instructions=clean_instructions(instructions), partial=partial)

    @property
    def finished(self) -> bool:
        return self.state in TERMINAL

    def wrote(self, section: Section) -> bool:
        """Whether `section` was written after this job was queued: by this job, as far as
        a job can tell (or by its writer meanwhile, whose text it leaves alone)."""
        return section.written_at is not None and section.written_at > self.created_at

    def done_with(self, section: Section) -> bool:
        """Whether `section` needs no more writing by this job: a job that writes what is
        missing leaves every written section alone; one that rewrites chosen sections is
        done with those it wrote."""
        return self.sections is None or self.wrote(section)

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

    @property
    def attempts_used_up(self) -> bool:
        """Claimed once more than it may be attempted. A failed attempt is retried only
        while attempts are left (`retry_later`), so this is a takeover after the worker of
        its last attempt died (its lease ran out): the job fails instead of running again,
        so that a job which kills its worker cannot do so forever."""
        return self.attempts > self.max_attempts

    def give_up(self, now: datetime) -> GenerationJob:
        return self.fail(f"Gave up after {self.max_attempts} attempts: the worker running "
                         "it stopped before it could finish, every time.", now)

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

    def stop_short(self, step: str, now: datetime) -> GenerationJob:
        """A partial job that wrote what fitted: it succeeded, as far as it got (its
        progress stays where it is), and `step` says why it stopped."""
        return self._end(JobState.SUCCEEDED, now, step=step)

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


def clean_instructions(value: str | None) -> str | None:
    """What the writer asks of the sections a job rewrites: stripped, at most
    INSTRUCTIONS_MAX characters, no control characters; empty (or None) means none."""
    if value is None:
        return None
    if _CONTROL.search(value):
        raise InvalidInput("instructions must not contain control characters (tab and line "
                           "breaks are fine)", field="instructions")
    cleaned = value.strip()
    if len(cleaned) > INSTRUCTIONS_MAX:
        raise InvalidInput(f"instructions must be at most {INSTRUCTIONS_MAX} characters",
                           field="instructions")
    return cleaned or None


def sections_to_write(document: Document, chosen: Iterable[int] | None) -> tuple[int, ...]:
    """The indexes a job writes, in outline order: the `chosen` ones (each once), else
    every section of the outline not yet written (none before there is an outline).

    Raises InvalidInput (field `sections`) for an empty choice or an index the outline has
    not, and InvalidTransition for a choice made before there is an outline."""
    if chosen is None:
        written = {s.index for s in document.sections}
        return tuple(item.index for item in document.outline if item.index not in written)
    wanted = set(chosen)
    if not wanted:
        raise InvalidInput("sections must name at least one section", field="sections")
    if not document.outline:
        raise InvalidTransition("This document has no outline yet; write the outline before "
                                "choosing sections.")
    planned = {item.index for item in document.outline}
    unknown = sorted(wanted - planned)
    if unknown:
        raise InvalidInput(f"sections: the outline has no section {unknown[0]} (it has 1 to "
                           f"{len(planned)})", field="sections")
    return tuple(item.index for item in document.outline if item.index in wanted)
