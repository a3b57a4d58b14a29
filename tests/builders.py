"""Test data builders: valid entities with unique ids and e-mails, fields overridable."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

from domain.audit import AuditEntry
from domain.digests import digest
from domain.documents import (
    CitationStyle,
    Document,
    DocumentSpec,
    DocumentStatus,
    Kind,
    OutlineItem,
    Section,
    Source,
)
from domain.ids import (
    AuditEntryId,
    DocumentId,
    JobId,
    MagicLinkId,
    OutboxMessageId,
    SessionFamilyId,
    UserId,
)
from domain.jobs import GenerationJob, JobEvent, JobState
from domain.languages import Language
from domain.magic_links import MagicLink
from domain.outbox import EmailMessage, OutboxMessage
from domain.sessions import SessionFamily
from domain.users import Email, Role, User

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def an_email(name: str = "user") -> Email:
    return Email(f"{name}-{uuid4().hex[:10]}@example.com")


def a_token_digest() -> str:
    return digest(uuid4().hex)


def a_user(*, email: Email | str | None = None, created_at: datetime = NOW,
           **changes: Any) -> User:
    address = Email(email) if isinstance(email, str) else email or an_email()
    user = User(id=UserId(uuid4()), email=address, role=Role.USER, created_at=created_at)
    return replace(user, **changes)


def a_spec(**changes: Any) -> DocumentSpec:
    spec = DocumentSpec(title="Suspension bridges", topic="Suspension bridges in Europe",
                        kind=Kind.THESIS, language=Language("uk"), target_words=12_000,
                        citation_style=CitationStyle.GOST, instructions="Use recent works.")
    return replace(spec, **changes)


def a_source(n: int = 1) -> Source:
    return Source(n=n, title=f"Cable dynamics {n}", authors=("Шевченко Богдан", "Smith J."),
                  year=2020 + n, venue="Journal of Bridges", doi=f"10.1000/jb.{n}",
                  url=f"https://example.org/works/{n}")


def a_section(index: int = 1, text: str = "Мости з'єднують береги [1].") -> Section:
    return Section(index=index, title=f"Розділ {index}", text=text, citations=(1,))


def a_document(*, owner: UserId | User, created_at: datetime = NOW, **changes: Any) -> Document:
    """A ready document with an outline, a section, a source and a bibliography."""
    owner_id = owner.id if isinstance(owner, User) else owner
    document = Document(
        id=DocumentId(uuid4()), owner=owner_id, spec=a_spec(), status=DocumentStatus.READY,
        created_at=created_at, updated_at=created_at, revision=3,
        outline=(OutlineItem(index=1, title="Розділ 1", target_words=800),),
        sections=(a_section(),), sources=(a_source(),),
        bibliography=("Шевченко Богдан, Smith J. Cable dynamics 1. 2021.",),
        requirements="Cite at least one source per section.")
    return replace(document, **changes)


def a_magic_link(*, email: Email | None = None, now: datetime = NOW,
                 **changes: Any) -> MagicLink:
    link = MagicLink.issue(id=MagicLinkId(uuid4()), email=email or an_email(),
                           token_digest=a_token_digest(), now=now)
    return replace(link, **changes)


def a_session_family(*, user: UserId | User, now: datetime = NOW,
                     token_digest: str | None = None, **changes: Any) -> SessionFamily:
    user_id = user.id if isinstance(user, User) else user
    family = SessionFamily.start(id=SessionFamilyId(uuid4()), user_id=user_id,
                                 token_digest=token_digest or a_token_digest(), now=now)
    return replace(family, **changes)


def an_email_message(to: str = "someone@example.com") -> EmailMessage:
    return EmailMessage(to=to, subject="Вхід до TesiGo", text="Перейдіть за посиланням",
                        html="<p>Перейдіть за <a href='https://app.test'>посиланням</a></p>")


def an_outbox_message(*, now: datetime = NOW, **changes: Any) -> OutboxMessage:
    message = OutboxMessage.enqueue(id=OutboxMessageId(uuid4()), message=an_email_message(),
                                    now=now)
    return replace(message, **changes)


def an_audit_entry(*, actor: UserId | User | None = None, at: datetime = NOW,
                   **changes: Any) -> AuditEntry:
    actor_id = actor.id if isinstance(actor, User) else actor
    entry = AuditEntry(id=AuditEntryId(uuid4()), at=at, actor_id=actor_id,
                       action="auth.signed_in", target="somewhere", ip="203.0.113.7",
                       details={"via": "magic-link", "attempt": 1})
    return replace(entry, **changes)


def a_job(*, owner: UserId | User, document: DocumentId | Document, created_at: datetime = NOW,
          **changes: Any) -> GenerationJob:
    """A queued job, due from `created_at`."""
    owner_id = owner.id if isinstance(owner, User) else owner
    document_id = document.id if isinstance(document, Document) else document
    job = GenerationJob.queue(id=JobId(uuid4()), owner=owner_id, document_id=document_id,
                              now=created_at)
    return replace(job, **changes)


def an_event(*, job: JobId | GenerationJob, seq: int = 1, at: datetime = NOW,
             **changes: Any) -> JobEvent:
    job_id = job.id if isinstance(job, GenerationJob) else job
    event = JobEvent(job_id=job_id, seq=seq, state=JobState.RUNNING, progress=seq / 8,
                     step=f"Розділ {seq}: writing", at=at)
    return replace(event, **changes)
