from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.audit import AuditEntry
from domain.documents import Document, SectionRevision
from domain.ids import SessionFamilyId, UserId
from domain.jobs import GenerationJob
from domain.payments import Payment
from domain.ports.audit import AuditLog
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.payments import PaymentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.sessions import SessionRepository
from domain.ports.users import UserRepository
from domain.quota import LedgerEntry
from domain.sessions import SessionFamily
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionRecord:
    """A sign-in session as the user may see it: when it began, was last used and ended;
    never the digest of its refresh token."""

    id: SessionFamilyId
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, family: SessionFamily) -> SessionRecord:
        return cls(id=family.id, created_at=family.created_at, last_used_at=family.rotated_at,
                   expires_at=family.expires_at, revoked_at=family.revoked_at)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonalData:
    user: User
    documents: Sequence[Document]
    jobs: Sequence[GenerationJob]
    payments: Sequence[Payment]
    ledger: Sequence[LedgerEntry]
    sessions: Sequence[SessionRecord]
    audit: Sequence[AuditEntry]
    revisions: Sequence[SectionRevision] = ()


class ExportMyData:
    """Everything the service holds about the signed-in user (GDPR, art. 15 and 20).

    - the account; every document in full (sections, sources, bibliography) and every
      section text it replaced (revisions); every job,
      payment and credit ledger entry; every sign-in session; every audit entry the user
      caused or that names them
    - each kind is one read, whatever the amount of data (no read per document)
    - secrets are never part of it: sessions leave out their refresh-token digests, and
      the sign-in e-mails (each carries a one-time link) are left out
    - nobody else's data: in an entry about the user by someone else (an admin), the
      address that person acted from is left out
    """

    def __init__(self, users: UserRepository, documents: DocumentRepository,
                 jobs: JobRepository, payments: PaymentRepository, ledger: QuotaLedger,
                 sessions: SessionRepository, audit: AuditLog,
                 revisions: SectionRevisionRepository) -> None:
        self._users, self._documents, self._jobs = users, documents, jobs
        self._revisions = revisions
        self._payments, self._ledger = payments, ledger
        self._sessions, self._audit = sessions, audit

    async def __call__(self, user_id: UserId) -> PersonalData:
        user = await self._users.get(user_id)
        return PersonalData(
            user=user, documents=await self._documents.all_of(user.id),
            jobs=await self._jobs.all_of(user.id),
            payments=await self._payments.all_of(user.id),
            ledger=await self._ledger.entries(user.id),
            sessions=[SessionRecord.of(f) for f in await self._sessions.all_of(user.id)],
            audit=[entry if entry.actor_id == user.id else replace(entry, ip=None)
                   for entry in await self._audit.concerning(user.id)],
            revisions=await self._revisions.all_of(user.id))
