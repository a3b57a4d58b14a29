"""Read-only screens on a PostgreSQL streaming replica (DATABASE_REPLICA_URL).

Only these use cases are built on the replica, and each only reads and tolerates data up to
REPLICA_MAX_LAG_S old:
- ListDocuments: the documents list (a document just created appears within the lag; its
  own page, GetDocument, reads the primary)
- ListPayments: payments history (a payment just made appears within the lag; the balance,
  GetBalance, reads the primary)
- GetServiceStats, ListUsers, ListAuditLog: admin figures and lists, glances for a person

Everything else stays on the primary: every use case that commits, sign-in and tokens,
jobs, billing, exports (an export must show the revision just saved), and the worker and
the CLI (seed-demo reads its own writes), whose containers never get this provider. The
replica's session comes in its own type, ReplicaSession, that no other provider asks for,
so no use case that writes can be handed it. While the replica is down or further behind
than REPLICA_MAX_LAG_S (ReadReplica's cached check), these reads use the primary.
"""

from collections.abc import AsyncIterator
from typing import NewType

from dishka import Provider, Scope, provide
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.sql.admin_queries import SqlAdminQueries
from adapters.sql.audit import SqlAuditLog
from adapters.sql.documents import SqlDocumentRepository
from adapters.sql.engine import PoolLimits, create_engine, make_session_factory, open_session
from adapters.sql.payments import SqlPaymentRepository
from adapters.sql.quota import SqlQuotaLedger
from adapters.sql.replica import ReadReplica
from adapters.sql.subscriptions import SqlSubscriptionRepository
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.billing.list_payments import ListPayments
from application.billing.policy import BillingPolicy
from application.documents.list_documents import ListDocuments
from domain.ports.system import Clock, IdGenerator
from entrypoints.config import Settings

ReplicaEngine = NewType("ReplicaEngine", AsyncEngine)
ReplicaSession = NewType("ReplicaSession", AsyncSession)
READS = Counter("tesigo_replica_reads_total",
                "Read-only requests by where they were served: replica, or primary as fallback",
                ["served_by"])


class ReplicaReadsProvider(Provider):
    """Added by make_container for the API only, and only when DATABASE_REPLICA_URL is set;
    it then overrides the five read-only use cases of UseCasesProvider."""

    @provide(scope=Scope.APP)
    async def replica_engine(self, settings: Settings) -> AsyncIterator[ReplicaEngine]:
        assert settings.database_replica_url is not None  # the provider is added only when set
        engine = create_engine(settings.database_replica_url, PoolLimits(
            size=settings.db_pool_size, overflow=settings.db_max_overflow,
            timeout_s=settings.db_pool_timeout_s,
            statement_timeout_s=settings.db_statement_timeout_s))
        yield ReplicaEngine(engine)
        await engine.dispose()

    @provide(scope=Scope.APP)
    def replica(self, engine: ReplicaEngine, settings: Settings) -> ReadReplica:
        return ReadReplica(engine, settings.replica_max_lag_s)

    @provide(scope=Scope.REQUEST)
    async def session(self, replica: ReadReplica, engine: ReplicaEngine,
                      primary: async_sessionmaker[AsyncSession]
                      ) -> AsyncIterator[ReplicaSession]:
        usable = await replica.usable()
        READS.labels("replica" if usable else "primary").inc()
        factory = make_session_factory(engine) if usable else primary
        async with open_session(factory) as session:
            yield ReplicaSession(session)

    @provide(scope=Scope.REQUEST)
    def list_documents(self, session: ReplicaSession) -> ListDocuments:
        return ListDocuments(SqlDocumentRepository(session))

    @provide(scope=Scope.REQUEST)
    def list_payments(self, session: ReplicaSession) -> ListPayments:
        return ListPayments(SqlPaymentRepository(session))

    @provide(scope=Scope.REQUEST)
    def service_stats(self, session: ReplicaSession, ids: IdGenerator, policy: BillingPolicy,
                      clock: Clock) -> GetServiceStats:
        return GetServiceStats(SqlAdminQueries(session), SqlQuotaLedger(session, ids),
                               SqlPaymentRepository(session),
                               SqlSubscriptionRepository(session), policy, clock)

    @provide(scope=Scope.REQUEST)
    def list_users(self, session: ReplicaSession) -> ListUsers:
        return ListUsers(SqlAdminQueries(session))

    @provide(scope=Scope.REQUEST)
    def audit_log(self, session: ReplicaSession) -> ListAuditLog:
        return ListAuditLog(SqlAuditLog(session))
