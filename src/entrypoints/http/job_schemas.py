from __future__ import annotations

from datetime import datetime

from domain.jobs import GenerationJob, JobEvent
from entrypoints.http.schema_base import Strict


class JobOut(Strict, kw_only=True, frozen=True):
    id: str
    document_id: str
    state: str
    progress: float
    step: str
    attempts: int
    error: str | None
    tokens_used: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, job: GenerationJob) -> JobOut:
        return cls(id=str(job.id), document_id=str(job.document_id), state=job.state.value,
                   progress=job.progress, step=job.step, attempts=job.attempts,
                   error=job.error, tokens_used=job.tokens_used, created_at=job.created_at,
                   updated_at=job.updated_at)


class JobEventOut(Strict, kw_only=True, frozen=True):
    seq: int
    job_id: str
    state: str
    progress: float
    step: str
    at: datetime

    @classmethod
    def of(cls, event: JobEvent) -> JobEventOut:
        return cls(seq=event.seq, job_id=str(event.job_id), state=event.state.value,
                   progress=event.progress, step=event.step, at=event.at)
