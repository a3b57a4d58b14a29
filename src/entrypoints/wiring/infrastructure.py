"""Settings, clocks and ids, tokens, rate limits and mail."""

from datetime import timedelta
from pathlib import Path

from dishka import Provider, Scope, provide
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore

from adapters.auth.jwt_tokens import JwtTokenIssuer
from adapters.mail.file import FileMailer
from adapters.mail.smtp import SmtpMailer
from adapters.rate_limit import StoreRateLimiter
from adapters.system import SystemClock, UrlSafeSecretGenerator, UuidGenerator
from application.auth.policy import SignInPolicy
from domain.ports.mailer import Mailer
from domain.ports.rate_limits import RateLimiter
from domain.ports.system import Clock, IdGenerator, SecretGenerator
from domain.ports.tokens import TokenIssuer
from entrypoints.config import Environment, Settings

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
                            session_lifetime=timedelta(days=settings.session_lifetime_days),
                            signup_credits=settings.signup_credits)


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
