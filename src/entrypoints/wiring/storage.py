"""Storage: SQLAlchemy on PostgreSQL (asyncpg) or SQLite (aiosqlite)."""

from collections.abc import AsyncIterator

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.sql.admin_queries import SqlAdminQueries
from adapters.sql.audit import SqlAuditLog
from adapters.sql.document_reads import SqlOwnDocumentReads
from adapters.sql.documents import SqlDocumentRepository
from adapters.sql.engine import PoolLimits, create_engine, make_session_factory, open_session
from adapters.sql.idempotency import SqlIdempotencyStore
from adapters.sql.jobs import SqlJobRepository
from adapters.sql.magic_links import SqlMagicLinkRepository
from adapters.sql.outbox import SqlOutbox
from adapters.sql.payments import SqlPaymentRepository
from adapters.sql.probe import SqlStorageProbe
from adapters.sql.processed_events import SqlProcessedEvents
from adapters.sql.quota import SqlQuotaLedger
from adapters.sql.revisions import SqlSectionRevisionRepository
from adapters.sql.sessions import SqlSessionRepository
from adapters.sql.subscriptions import SqlBillingCustomers, SqlSubscriptionRepository
from adapters.sql.transactions import SqlTransactionManager
from adapters.sql.users import SqlUserRepository
from domain.ports.admin_queries import AdminQueries
from domain.ports.audit import AuditLog
from domain.ports.document_reads import OwnDocumentReads
from domain.ports.documents import DocumentRepository
from domain.ports.idempotency import IdempotencyStore
from domain.ports.jobs import JobRepository
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.outbox import Outbox
from domain.ports.payments import PaymentRepository, ProcessedEvents
from domain.ports.probe import StorageProbe
from domain.ports.quota import QuotaLedger
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.sessions import SessionRepository
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from entrypoints.config import Settings


class SqlStorageProvider(Provider):
    @provide(scope=Scope.APP)
    async def engine(self, settings: Settings) -> AsyncIterator[AsyncEngine]:
        engine = create_engine(settings.database_url, PoolLimits(
            size=settings.db_pool_size, overflow=settings.db_max_overflow,
            timeout_s=settings.db_pool_timeout_s,
            statement_timeout_s=settings.db_statement_timeout_s))
        yield engine
        await engine.dispose()

    @provide(scope=Scope.APP)
    def session_factory(self, engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
        return make_session_factory(engine)

    probe = provide(SqlStorageProbe, provides=StorageProbe, scope=Scope.APP)
    own_document_reads = provide(SqlOwnDocumentReads, provides=OwnDocumentReads,
                                 scope=Scope.APP)

    @provide(scope=Scope.REQUEST)
    async def session(
        self, factory: async_sessionmaker[AsyncSession]
    ) -> AsyncIterator[AsyncSession]:
        async with open_session(factory) as session:
            yield session

    tx = provide(SqlTransactionManager, provides=TransactionManager, scope=Scope.REQUEST)
    users = provide(SqlUserRepository, provides=UserRepository, scope=Scope.REQUEST)
    links = provide(SqlMagicLinkRepository, provides=MagicLinkRepository, scope=Scope.REQUEST)
    sessions = provide(SqlSessionRepository, provides=SessionRepository, scope=Scope.REQUEST)
    documents = provide(SqlDocumentRepository, provides=DocumentRepository, scope=Scope.REQUEST)
    revisions = provide(SqlSectionRevisionRepository, provides=SectionRevisionRepository,
                        scope=Scope.REQUEST)
    outbox = provide(SqlOutbox, provides=Outbox, scope=Scope.REQUEST)
    audit = provide(SqlAuditLog, provides=AuditLog, scope=Scope.REQUEST)
    ledger = provide(SqlQuotaLedger, provides=QuotaLedger, scope=Scope.REQUEST)
    jobs = provide(SqlJobRepository, provides=JobRepository, scope=Scope.REQUEST)
    idempotency = provide(SqlIdempotencyStore, provides=IdempotencyStore, scope=Scope.REQUEST)
    payments = provide(SqlPaymentRepository, provides=PaymentRepository, scope=Scope.REQUEST)
    processed = provide(SqlProcessedEvents, provides=ProcessedEvents, scope=Scope.REQUEST)
    customers = provide(SqlBillingCustomers, provides=BillingCustomers, scope=Scope.REQUEST)
    subscriptions = provide(SqlSubscriptionRepository, provides=SubscriptionRepository,
                            scope=Scope.REQUEST)
    admin = provide(SqlAdminQueries, provides=AdminQueries, scope=Scope.REQUEST)
