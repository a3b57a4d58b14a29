"""The body of the GDPR export (`GET /api/v1/auth/me/export`): every kind of data held about
the user, each in the shape its own endpoint answers where it has one."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from application.auth.export_my_data import PersonalData, SessionRecord
from domain.documents import SectionRevision
from domain.quota import LedgerEntry
from entrypoints.http.admin_schemas import AuditEntryOut
from entrypoints.http.auth_schemas import UserOut
from entrypoints.http.billing_schemas import PaymentOut
from entrypoints.http.document_schemas import DocumentOut
from entrypoints.http.job_schemas import JobOut
from entrypoints.http.schema_base import Strict
from entrypoints.http.steering_schemas import RevisionOut


class LedgerEntryOut(Strict, kw_only=True, frozen=True):
    """One change of the credit balance: a grant, a purchase, a refund or a model call's
    usage (its model and token counts in `details`)."""

    id: UUID
    at: datetime
    delta: int
    reason: str
    details: dict[str, Any]

    @classmethod
    def of(cls, entry: LedgerEntry) -> LedgerEntryOut:
        return cls(id=entry.id, at=entry.at, delta=entry.delta, reason=entry.reason.value,
                   details=entry.details)


class SessionOut(Strict, kw_only=True, frozen=True):
    id: UUID
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, session: SessionRecord) -> SessionOut:
        return cls(id=session.id, created_at=session.created_at,
                   last_used_at=session.last_used_at, expires_at=session.expires_at,
                   revoked_at=session.revoked_at)


class ExportedRevisionOut(RevisionOut, kw_only=True, frozen=True):
    """A replaced section text, with the document it belongs to."""

    document_id: UUID
    section_key: str

    @classmethod
    def of(cls, r: SectionRevision) -> ExportedRevisionOut:
        base = RevisionOut.of(r)
        return cls(**{field: getattr(base, field) for field in base.__struct_fields__},
                   document_id=r.document_id, section_key=r.section.key)


class PersonalDataOut(Strict, kw_only=True, frozen=True):
    user: UserOut
    documents: list[DocumentOut]
    jobs: list[JobOut]
    payments: list[PaymentOut]
    ledger: list[LedgerEntryOut]
    sessions: list[SessionOut]
    audit: list[AuditEntryOut]
    revisions: list[ExportedRevisionOut]

    @classmethod
    def of(cls, data: PersonalData) -> PersonalDataOut:
        return cls(user=UserOut.of(data.user),
                   documents=[DocumentOut.of(document) for document in data.documents],
                   jobs=[JobOut.of(job) for job in data.jobs],
                   payments=[PaymentOut.of(payment) for payment in data.payments],
                   ledger=[LedgerEntryOut.of(entry) for entry in data.ledger],
                   sessions=[SessionOut.of(session) for session in data.sessions],
                   audit=[AuditEntryOut.of(entry) for entry in data.audit],
                   revisions=[ExportedRevisionOut.of(r) for r in data.revisions])
