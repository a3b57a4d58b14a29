"""Jobs and their events <-> rows of the `generation_jobs` and `job_events` tables."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row

from domain.ids import DocumentId, JobId, ReservationId, UserId
from domain.jobs import GenerationJob, JobEvent, JobState


def job_row(job: GenerationJob) -> dict[str, Any]:
    """The whole row; what a job was asked to do (`sections`, `instructions`, `partial`)
    is stored once, here, and never changes."""
    return {"id": job.id, "cancel_requested": job.cancel_requested,
            "sections": None if job.sections is None else list(job.sections),
            "instructions": job.instructions, "partial": job.partial, **_stored_fields(job)}


def job_changes(job: GenerationJob) -> dict[str, Any]:
    """The parameters of an UPDATE of the job's row: `job_id` picks the row and
    `cancel_asked` is or-ed into the stored `cancel_requested`."""
    return {"job_id": job.id, "cancel_asked": job.cancel_requested, **_stored_fields(job)}


def job_from_row(row: Row[Any]) -> GenerationJob:
    return GenerationJob(
        id=JobId(row.id), owner=UserId(row.owner_id), document_id=DocumentId(row.document_id),
        state=JobState(row.state), created_at=row.created_at, updated_at=row.updated_at,
        run_after=row.run_after, progress=row.progress, step=row.step, attempts=row.attempts,
        max_attempts=row.max_attempts, error=row.error, tokens_used=row.tokens_used,
        lease_owner=row.lease_owner, lease_expires_at=row.lease_expires_at,
        cancel_requested=row.cancel_requested, last_seq=row.last_seq,
        held_reservations=tuple(ReservationId(UUID(str(held)))
                                for held in row.held_reservations or ()),
        sections=None if row.sections is None else tuple(int(i) for i in row.sections),
        instructions=row.instructions, partial=bool(row.partial))


def event_row(event: JobEvent) -> dict[str, Any]:
    return {"job_id": event.job_id, "seq": event.seq, "state": event.state.value,
            "progress": event.progress, "step": event.step, "at": event.at}


def event_from_row(row: Row[Any]) -> JobEvent:
    return JobEvent(job_id=JobId(row.job_id), seq=row.seq, state=JobState(row.state),
                    progress=row.progress, step=row.step, at=row.at)


def _stored_fields(job: GenerationJob) -> dict[str, Any]:
    return {
        "owner_id": job.owner, "document_id": job.document_id, "state": job.state.value,
        "created_at": job.created_at, "updated_at": job.updated_at,
        "run_after": job.run_after, "progress": job.progress, "step": job.step,
        "attempts": job.attempts, "max_attempts": job.max_attempts, "error": job.error,
        "tokens_used": job.tokens_used, "lease_owner": job.lease_owner,
        "lease_expires_at": job.lease_expires_at, "last_seq": job.last_seq,
        "held_reservations": [str(held) for held in job.held_reservations],
    }
