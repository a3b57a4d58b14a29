"""The application's own container with every storage and outside port served by the
in-memory adapters: what the fast application and HTTP tests run on."""

from __future__ import annotations

from dataclasses import dataclass, field

from dishka import AsyncContainer, Provider, Scope, alias, provide

from adapters.llm.offline_model import OfflineLanguageModel
from adapters.memory.admin_queries import InMemoryAdminQueries
from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.blobs import InMemoryBlobStore
from adapters.memory.database import InMemoryDatabase
from adapters.memory.document_reads import InMemoryOwnDocumentReads
from adapters.memory.documents import InMemoryDocumentRepository
from adapters.memory.idempotency import InMemoryIdempotencyStore
from adapters.memory.job_events import InMemoryJobEventPublisher
from adapters.memory.jobs import InMemoryJobRepository
from adapters.memory.magic_links import InMemoryMagicLinkRepository
from adapters.memory.mailer import InMemoryMailer
from adapters.memory.outbox import InMemoryOutbox
from adapters.memory.payments import InMemoryPaymentRepository
from adapters.memory.probe import InMemoryStorageProbe
from adapters.memory.processed_events import InMemoryProcessedEvents
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.rendering import InMemoryDocumentRenderer, InMemoryReceiptRenderer
from adapters.memory.revisions import InMemorySectionRevisionRepository
from adapters.memory.sessions import InMemorySessionRepository
from adapters.memory.subscription_gateway import InMemoryBilling
from adapters.memory.subscriptions import (
    InMemoryBillingCustomers,
    InMemorySubscriptionRepository,
)
from adapters.memory.system import FixedClock
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.memory.two_factor import InMemorySecondFactorRepository
from adapters.memory.uploads import InMemoryTextExtractor
from adapters.memory.users import InMemoryUserRepository
from adapters.sources.offline import OfflineSourceFinder
from adapters.sources.offline_doi import OfflineDoiLookup
from domain.ports.admin_queries import AdminQueries
from domain.ports.audit import AuditLog
from domain.ports.document_reads import OwnDocumentReads
from domain.ports.documents import DocumentRepository
from domain.ports.doi_lookup import DoiLookup
from domain.ports.exports import BlobStore, DocumentRenderer
from domain.ports.idempotency import IdempotencyStore
from domain.ports.job_events import JobEventPublisher
from domain.ports.jobs import JobRepository
from domain.ports.language_model import LanguageModel
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.mailer import Mailer
from domain.ports.outbox import Outbox
from domain.ports.payment_gateway import PaymentGateway
from domain.ports.payments import PaymentRepository, ProcessedEvents
from domain.ports.probe import StorageProbe
from domain.ports.quota import QuotaLedger
from domain.ports.receipts import ReceiptRenderer
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.sessions import SessionRepository
from domain.ports.sources import SourceFinder
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.two_factor import SecondFactorRepository
from domain.ports.uploads import TextExtractor
from domain.ports.users import UserRepository
from entrypoints.config import Environment, Settings
from entrypoints.ioc import make_container


@dataclass
class Fakes:
    db: InMemoryDatabase = field(default_factory=InMemoryDatabase)
    mailer: InMemoryMailer = field(default_factory=InMemoryMailer)
    clock: FixedClock = field(default_factory=FixedClock)
    probe: InMemoryStorageProbe = field(default_factory=InMemoryStorageProbe)
    model: LanguageModel | None = None
    finder: SourceFinder | None = None
    doi_lookup: DoiLookup | None = None
    events: InMemoryJobEventPublisher = field(default_factory=InMemoryJobEventPublisher)
    gateway: InMemoryBilling = field(default_factory=InMemoryBilling)
    blobs: InMemoryBlobStore = field(default_factory=InMemoryBlobStore)
    renderer: InMemoryDocumentRenderer = field(default_factory=InMemoryDocumentRenderer)
    receipts: InMemoryReceiptRenderer = field(default_factory=InMemoryReceiptRenderer)


class InMemoryProvider(Provider):
    def __init__(self, fakes: Fakes) -> None:
        super().__init__()
        self._fakes = fakes

    @provide(scope=Scope.APP)
    def db(self) -> InMemoryDatabase:
        return self._fakes.db

    @provide(scope=Scope.APP)
    def mailer(self) -> Mailer:
        return self._fakes.mailer

    @provide(scope=Scope.APP)
    def clock(self) -> Clock:
        return self._fakes.clock

    @provide(scope=Scope.APP)
    def probe(self) -> StorageProbe:
        return self._fakes.probe

    @provide(scope=Scope.APP)
    def events(self) -> JobEventPublisher:
        return self._fakes.events

    @provide(scope=Scope.APP)
    def gateway(self) -> PaymentGateway:
        return self._fakes.gateway

    @provide(scope=Scope.APP)
    def subscription_gateway(self) -> SubscriptionGateway:
        return self._fakes.gateway

    @provide(scope=Scope.APP)
    def blobs(self) -> BlobStore:
        return self._fakes.blobs

    @provide(scope=Scope.APP)
    def renderer(self) -> DocumentRenderer:
        return self._fakes.renderer

    @provide(scope=Scope.APP)
    def receipts(self) -> ReceiptRenderer:
        return self._fakes.receipts

    extractor = provide(InMemoryTextExtractor, provides=TextExtractor, scope=Scope.APP)

    @provide(scope=Scope.APP)
    def model(self, settings: Settings) -> LanguageModel:
        return self._fakes.model or OfflineLanguageModel()

    @provide(scope=Scope.APP)
    def finder(self) -> SourceFinder:
        return self._fakes.finder or OfflineSourceFinder()

    @provide(scope=Scope.APP)
    def doi_lookup(self) -> DoiLookup:
        return self._fakes.doi_lookup or OfflineDoiLookup()

    unit_of_work = provide(InMemoryTransactionManager, scope=Scope.REQUEST)
    tx = alias(source=InMemoryTransactionManager, provides=TransactionManager)
    users = provide(InMemoryUserRepository, provides=UserRepository, scope=Scope.REQUEST)
    links = provide(InMemoryMagicLinkRepository, provides=MagicLinkRepository,
                    scope=Scope.REQUEST)
    sessions = provide(InMemorySessionRepository, provides=SessionRepository,
                       scope=Scope.REQUEST)
    own_document_reads = provide(InMemoryOwnDocumentReads, provides=OwnDocumentReads,
                                 scope=Scope.APP)
    documents = provide(InMemoryDocumentRepository, provides=DocumentRepository,
                        scope=Scope.REQUEST)
    revisions = provide(InMemorySectionRevisionRepository,
                        provides=SectionRevisionRepository, scope=Scope.REQUEST)
    outbox = provide(InMemoryOutbox, provides=Outbox, scope=Scope.REQUEST)
    audit = provide(InMemoryAuditLog, provides=AuditLog, scope=Scope.REQUEST)
    ledger = provide(InMemoryQuotaLedger, provides=QuotaLedger, scope=Scope.REQUEST)
    jobs = provide(InMemoryJobRepository, provides=JobRepository, scope=Scope.REQUEST)
    idempotency = provide(InMemoryIdempotencyStore, provides=IdempotencyStore,
                          scope=Scope.REQUEST)
    payments = provide(InMemoryPaymentRepository, provides=PaymentRepository,
                       scope=Scope.REQUEST)
    processed = provide(InMemoryProcessedEvents, provides=ProcessedEvents, scope=Scope.REQUEST)
    customers = provide(InMemoryBillingCustomers, provides=BillingCustomers, scope=Scope.REQUEST)
    subscriptions = provide(InMemorySubscriptionRepository, provides=SubscriptionRepository,
                            scope=Scope.REQUEST)
    admin = provide(InMemoryAdminQueries, provides=AdminQueries, scope=Scope.REQUEST)
    second_factors = provide(InMemorySecondFactorRepository, provides=SecondFactorRepository,
                             scope=Scope.REQUEST)


WEBHOOK_SECRET = "whsec_test_secret"


def settings_for(**changes: object) -> Settings:
    """Test settings; payments are on (the gateway is a fake) unless a test turns them off
    with `stripe_secret_key=None`."""
    base: dict[str, object] = dict(environment=Environment.TEST, app_url="https://tesigo.test",
                                   admin_emails=["boss@example.com"],
                                   secret_key="test-secret-key-that-is-long-enough-0123",
                                   stripe_secret_key="sk_test_fake",
                                   stripe_webhook_secret=[WEBHOOK_SECRET])
    base.update(changes)
    return Settings(**base).check()  # type: ignore[arg-type]


def memory_container(fakes: Fakes, settings: Settings | None = None) -> AsyncContainer:
    return make_container(settings or settings_for(), InMemoryProvider(fakes))
