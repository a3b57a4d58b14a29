from datetime import datetime
from uuid import UUID

import msgspec

from domain.ids import JobId
from domain.jobs import JobEvent, JobState


class _Wire(msgspec.Struct, frozen=True):
    job_id: UUID
    seq: int
    state: str
    progress: float
    step: str
    at: datetime


def encode_event(event: JobEvent) -> bytes:
    return msgspec.json.encode(_Wire(job_id=event.job_id, seq=event.seq,
                                     state=event.state.value, progress=event.progress,
                                     step=event.step, at=event.at))


def decode_event(raw: bytes) -> JobEvent:
    wire = msgspec.json.decode(raw, type=_Wire)
    return JobEvent(job_id=JobId(wire.job_id), seq=wire.seq, state=JobState(wire.state),
                    progress=wire.progress, step=wire.step, at=wire.at)
