from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from msgspec import Meta

from application.generation.fit import Estimate
from domain.jobs import INSTRUCTIONS_MAX, GenerationJob, JobEvent
from domain.outline import MAX_SECTIONS
from domain.quota import LimitKind
from entrypoints.http.schema_base import Strict, text

LimitName = Literal["credits", "daily", "service"]
_LIMIT_NAMES: dict[LimitKind, LimitName] = {
    LimitKind.CREDITS: "credits", LimitKind.DAILY: "daily", LimitKind.GLOBAL_DAILY: "service"}
SectionIndex = Annotated[int, Meta(ge=1, le=MAX_SECTIONS)]


class GenerateIn(Strict, kw_only=True, frozen=True):
    """What a job writes: `sections` (outline indexes) rewritten, else every section not yet
    written; `partial` writes what fits the caller's credits and limits instead of being
    refused."""

    sections: Annotated[list[SectionIndex], Meta(min_length=1, max_length=MAX_SECTIONS)] | None \
        = None
    instructions: Annotated[str, text(max_length=INSTRUCTIONS_MAX)] | None = None
    partial: bool = False

    def chosen(self) -> tuple[int, ...] | None:
        return None if self.sections is None else tuple(self.sections)


class EstimateOut(Strict, kw_only=True, frozen=True):
    sections_to_write: int
    max_tokens: int
    fits: bool
    limit: LimitName | None

    @classmethod
    def of(cls, estimate: Estimate) -> EstimateOut:
        return cls(sections_to_write=estimate.sections_to_write,
                   max_tokens=estimate.max_tokens, fits=estimate.fits,
                   limit=None if estimate.limit is None else _LIMIT_NAMES[estimate.limit])


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
    sections: list[int] | None
    instructions: str | None
    partial: bool

    @classmethod
    def of(cls, job: GenerationJob) -> JobOut:
        return cls(id=str(job.id), document_id=str(job.document_id), state=job.state.value,
                   progress=job.progress, step=job.step, attempts=job.attempts,
                   error=job.error, tokens_used=job.tokens_used, created_at=job.created_at,
                   updated_at=job.updated_at,
                   sections=None if job.sections is None else list(job.sections),
                   instructions=job.instructions, partial=job.partial)


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
