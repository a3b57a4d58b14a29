"""Units of work over each storage adapter, so one contract test runs against all of them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.memory.admin_queries import InMemoryAdminQueries
from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.database import InMemoryDatabase
from adapters.memory.document_reads import InMemoryOwnDocumentReads
from adapters.memory.documents import InMemoryDocumentRepository
from adapters.memory.idempotency import InMemoryIdempotencyStore
from adapters.memory.jobs import InMemoryJobRepository
from adapters.memory.magic_links import InMemoryMagicLinkRepository
from adapters.memory.outbox import InMemoryOutbox
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.processed_events import InMemoryProcessedEvents
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.revisions import InMemorySectionRevisionRepository
from adapters.memory.sessions import InMemorySessionRepository
from adapters.memory.subscriptions import (
    InMemoryBillingCustomers,
    InMemorySubscriptionRepository,
)
from adapters.memory.system import SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.memory.users import InMemoryUserRepository
from adapters.sql.admin_queries import SqlAdminQueries
from adapters.sql.audit import SqlAuditLog
from adapters.sql.document_reads import SqlOwnDocumentReads
from adapters.sql.documents import SqlDocumentRepository
from adapters.sql.engine import make_session_factory
from adapters.sql.idempotency import SqlIdempotencyStore
from adapters.sql.jobs import SqlJobRepository
from adapters.sql.magic_links import SqlMagicLinkRepository
from adapters.sql.outbox import SqlOutbox
from adapters.sql.payments import SqlPaymentRepository
from adapters.sql.processed_events import SqlProcessedEvents
from adapters.sql.quota import SqlQuotaLedger
from adapters.sql.revisions import SqlSectionRevisionRepository
from adapters.sql.sessions import SqlSessionRepository
from adapters.sql.subscriptions import SqlBillingCustomers, SqlSubscriptionRepository
from adapters.sql.tables import metadata
from adapters.sql.transactions import SqlTransactionManager
from adapters.sql.users import SqlUserRepository
from domain.audit import AuditEntry
from domain.documents import Document
from domain.jobs import GenerationJob, JobEvent
from domain.magic_links import MagicLink
from domain.outbox import OutboxMessage
from domain.payments import Payment
from domain.ports.admin_queries import AdminQueries
from domain.ports.audit import AuditLog
from domain.ports.document_reads import OwnDocumentReads
from domain.ports.documents import DocumentRepository
from domain.ports.idempotency import IdempotencyStore
from domain.ports.jobs import JobRepository
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.outbox import Outbox
from domain.ports.payments import PaymentRepository, ProcessedEvents
from domain.ports.quota import QuotaLedger
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.sessions import SessionRepository
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.sessions import SessionFamily
from domain.users import User


@dataclass(frozen=True)
class Unit:
    """Every storage port of one request scope, sharing one transaction."""

    tx: TransactionManager
    users: UserRepository
    links: MagicLinkRepository
    sessions: SessionRepository
    documents: DocumentRepository
    outbox: Outbox
    audit: AuditLog
    quota: QuotaLedger
    idempotency: IdempotencyStore
    jobs: JobRepository
    payments: PaymentRepository
    events: ProcessedEvents
    admin: AdminQueries
    revisions: SectionRevisionRepository
    customers: BillingCustomers
    subscriptions: SubscriptionRepository


class MemoryStorage:
    name = "memory"

    def __init__(self) -> None:
        self.db = InMemoryDatabase()
        self.ids = SequentialIdGenerator()

    def begin(self) -> Unit:
        tx = InMemoryTransactionManager(self.db)
        return Unit(tx=tx, users=InMemoryUserRepository(tx), links=InMemoryMagicLinkRepository(tx),
                    sessions=InMemorySessionRepository(tx),
                    documents=InMemoryDocumentRepository(tx), outbox=InMemoryOutbox(tx),
                    audit=InMemoryAuditLog(tx), quota=InMemoryQuotaLedger(tx, self.ids),
                    idempotency=InMemoryIdempotencyStore(tx), jobs=InMemoryJobRepository(tx),
                    payments=InMemoryPaymentRepository(tx),
                    events=InMemoryProcessedEvents(tx), admin=InMemoryAdminQueries(tx),
                    revisions=InMemorySectionRevisionRepository(tx),
                    customers=InMemoryBillingCustomers(tx),
                    subscriptions=InMemorySubscriptionRepository(tx))

    def document_reads(self) -> OwnDocumentReads:
        return InMemoryOwnDocumentReads(self.db)

    async def end(self, unit: Unit) -> None:
        """The scope ends; what was not committed is dropped with it."""

    async def close(self) -> None:
        pass


class SqlStorage:
    def __init__(self, engine: AsyncEngine) -> None:
        self.name = engine.dialect.name
        self._engine = engine
        self._factory = make_session_factory(engine)
        # Keyed by the transaction manager itself, which the Unit keeps alive: an id() key
        # could be reused once a unit is dropped, losing track of an open session.
        self._sessions: dict[SqlTransactionManager, AsyncSession] = {}
        self.ids = SequentialIdGenerator()

    @classmethod
    async def emptied(cls, engine: AsyncEngine) -> SqlStorage:
        async with engine.begin() as connection:
            for table in reversed(metadata.sorted_tables):
                await connection.execute(delete(table))
        return cls(engine)

    def begin(self) -> Unit:
        session = self._factory()
        tx = SqlTransactionManager(session)
        self._sessions[tx] = session
        return Unit(tx=tx, users=SqlUserRepository(session),
                    links=SqlMagicLinkRepository(session),
                    sessions=SqlSessionRepository(session),
                    documents=SqlDocumentRepository(session), outbox=SqlOutbox(session),
                    audit=SqlAuditLog(session), quota=SqlQuotaLedger(session, self.ids),
                    idempotency=SqlIdempotencyStore(session),
                    jobs=SqlJobRepository(session), payments=SqlPaymentRepository(session),
                    events=SqlProcessedEvents(session), admin=SqlAdminQueries(session),
                    revisions=SqlSectionRevisionRepository(session),
                    customers=SqlBillingCustomers(session),
                    subscriptions=SqlSubscriptionRepository(session))

    def document_reads(self) -> OwnDocumentReads:
        return SqlOwnDocumentReads(self._engine)

    async def end(self, unit: Unit) -> None:
        tx = unit.tx
        assert isinstance(tx, SqlTransactionManager)
        await self._sessions.pop(tx).close()

    async def close(self) -> None:
        for session in self._sessions.values():
            await session.close()
        self._sessions.clear()


Storage = MemoryStorage | SqlStorage


async def given(storage: Storage, *entities: object) -> None:
    """Store the entities through their repositories in one committed unit of work."""
    unit = storage.begin()
    for entity in entities:
        match entity:
            case User():
                await unit.users.add(entity)
            case Document():
                await unit.documents.add(entity)
            case MagicLink():
                await unit.links.add(entity)
            case SessionFamily():
                await unit.sessions.add(entity)
            case OutboxMessage():
                await unit.outbox.add(entity)
            case AuditEntry():
                await unit.audit.record(entity)
            case GenerationJob():
                await unit.jobs.add(entity)
            case JobEvent():
                await unit.jobs.append_event(entity)
            case Payment():
                await unit.payments.add(entity)
            case _:
                raise TypeError(f"no repository stores {type(entity).__name__}")
    await unit.tx.commit()
    await storage.end(unit)
