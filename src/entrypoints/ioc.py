"""Which adapter serves which port. Used alike by the app, the worker, the CLI and tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from dishka import AsyncContainer, Provider, Scope, make_async_container, provide, provide_all
from dishka.integrations.litestar import LitestarProvider
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.auth.jwt_tokens import JwtTokenIssuer
from adapters.mail.file import FileMailer
from adapters.mail.smtp import SmtpMailer
from adapters.rate_limit import StoreRateLimiter
from adapters.sql.audit import SqlAuditLog
from adapters.sql.documents import SqlDocumentRepository
from adapters.sql.engine import create_engine, make_session_factory
from adapters.sql.magic_links import SqlMagicLinkRepository
from adapters.sql.outbox import SqlOutbox
from adapters.sql.probe import SqlStorageProbe
from adapters.sql.sessions import SqlSessionRepository
from adapters.sql.transactions import SqlTransactionManager
from adapters.sql.users import SqlUserRepository
from adapters.system import SystemClock, UrlSafeSecretGenerator, UuidGenerator
from application.admin.create_admin import CreateAdmin
from application.audit_trail import AuditTrail
from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.auth.export_my_data import ExportMyData
from application.auth.logout import Logout
from application.auth.logout_all import LogoutAll
from application.auth.policy import SignInPolicy
from application.auth.refresh_session import RefreshSession
from application.auth.request_magic_link import RequestMagicLink
from application.auth.token_pair import SessionTokens
from application.auth.verify_magic_link import VerifyMagicLink
from application.documents.create_document import CreateDocument
from application.documents.delete_document import DeleteDocument
from application.documents.get_document import GetDocument
from application.documents.list_documents import ListDocuments
from application.documents.update_document import UpdateDocument
from application.housekeeping import Housekeeping
from application.mail.deliver_outbox import DeliverOutbox
from domain.ports.audit import AuditLog
from domain.ports.documents import DocumentRepository
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.mailer import Mailer
from domain.ports.outbox import Outbox
from domain.ports.probe import StorageProbe
from domain.ports.rate_limits import RateLimiter
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock, IdGenerator, SecretGenerator
from domain.ports.tokens import TokenIssuer
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from entrypoints.config import Environment, Settings
from entrypoints.http.identity import IdentityProvider

TOKEN_ISSUER, TOKEN_AUDIENCE = "tesigo", "tesigo-api"


class ConfigProvider(Provider):
    scope = Scope.APP

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings

    @provide
    def settings(self) -> Settings:
        return self._settings

    @provide
    def sign_in_policy(self, settings: Settings) -> SignInPolicy:
        return SignInPolicy(app_url=settings.app_url,
                            admin_emails=frozenset(settings.admin_emails),
                            magic_link_rate=settings.rate("magic_link"),
                            session_lifetime=timedelta(days=settings.session_lifetime_days))


class InfrastructureProvider(Provider):
    scope = Scope.APP
    clock = provide(SystemClock, provides=Clock)
    ids = provide(UuidGenerator, provides=IdGenerator)
    secrets = provide(UrlSafeSecretGenerator, provides=SecretGenerator)
    limiter = provide(StoreRateLimiter, provides=RateLimiter)

    @provide
    def store(self) -> Store:
        return MemoryStore()

    @provide
    def token_issuer(self, settings: Settings) -> TokenIssuer:
        return JwtTokenIssuer(secret=settings.secret_key, issuer=TOKEN_ISSUER,
                              audience=TOKEN_AUDIENCE, lifetime_s=settings.access_token_ttl_s)

    @provide
    def mailer(self, settings: Settings) -> Mailer:
        if settings.development_mailer:
            return FileMailer(directory=Path(settings.mail_dir), sender=settings.email_from,
                              echo_links=settings.environment is Environment.DEVELOPMENT)
        return SmtpMailer(host=settings.smtp_host or "", port=settings.smtp_port,
                          sender=settings.email_from, username=settings.smtp_user,
                          password=settings.smtp_password, starttls=settings.smtp_starttls)


class SqlStorageProvider(Provider):
    @provide(scope=Scope.APP)
    async def engine(self, settings: Settings) -> AsyncIterator[AsyncEngine]:
        engine = create_engine(settings.database_url)
        yield engine
        await engine.dispose()

    @provide(scope=Scope.APP)
    def session_factory(self, engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
        return make_session_factory(engine)

    probe = provide(SqlStorageProbe, provides=StorageProbe, scope=Scope.APP)

    @provide(scope=Scope.REQUEST)
    async def session(
        self, factory: async_sessionmaker[AsyncSession]
    ) -> AsyncIterator[AsyncSession]:
        async with factory() as session:
            yield session

    tx = provide(SqlTransactionManager, provides=TransactionManager, scope=Scope.REQUEST)
    users = provide(SqlUserRepository, provides=UserRepository, scope=Scope.REQUEST)
    links = provide(SqlMagicLinkRepository, provides=MagicLinkRepository, scope=Scope.REQUEST)
    sessions = provide(SqlSessionRepository, provides=SessionRepository, scope=Scope.REQUEST)
    documents = provide(SqlDocumentRepository, provides=DocumentRepository, scope=Scope.REQUEST)
    outbox = provide(SqlOutbox, provides=Outbox, scope=Scope.REQUEST)
    audit = provide(SqlAuditLog, provides=AuditLog, scope=Scope.REQUEST)


class UseCasesProvider(Provider):
    scope = Scope.REQUEST
    services = provide_all(AuditTrail, SessionTokens)
    auth = provide_all(RequestMagicLink, VerifyMagicLink, RefreshSession, Logout, LogoutAll,
                       Authenticate, ExportMyData, DeleteAccount)
    documents = provide_all(CreateDocument, GetDocument, ListDocuments, UpdateDocument,
                            DeleteDocument)
    background = provide_all(DeliverOutbox, Housekeeping, CreateAdmin)


def make_container(settings: Settings, *overrides: Provider) -> AsyncContainer:
    return make_async_container(
        ConfigProvider(settings), InfrastructureProvider(), SqlStorageProvider(),
        UseCasesProvider(), IdentityProvider(), LitestarProvider(), *overrides,
    )
