"""Settings, clocks and ids, tokens, rate limits and mail."""

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from dishka import Provider, Scope, provide

from adapters.auth.jwt_tokens import JwtTokenIssuer
from adapters.counters.local import LocalCounters
from adapters.mail.file import FileMailer
from adapters.mail.smtp import SmtpMailer
from adapters.rate_limit import CountingRateLimiter
from adapters.system import (
    HmacSecretDeriver,
    SystemClock,
    UrlSafeSecretGenerator,
    UuidGenerator,
)
from application.auth.lockout import SignInLockout
from application.auth.policy import SignInPolicy
from application.mail.policy import OutboxPolicy
from domain.ports.counters import Counters
from domain.ports.mailer import Mailer
from domain.ports.rate_limits import RateLimiter
from domain.ports.system import Clock, IdGenerator, SecretDeriver, SecretGenerator
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
                            refresh_reuse_grace=timedelta(
                                seconds=settings.refresh_reuse_grace_s),
                            signup_credits=settings.signup_credits)

    @provide
    def outbox_policy(self, settings: Settings) -> OutboxPolicy:
        return OutboxPolicy(first_retry=timedelta(seconds=settings.outbox_retry_s))


class InfrastructureProvider(Provider):
    scope = Scope.APP
    clock = provide(SystemClock, provides=Clock)
    ids = provide(UuidGenerator, provides=IdGenerator)
    secrets = provide(UrlSafeSecretGenerator, provides=SecretGenerator)
    limiter = provide(CountingRateLimiter, provides=RateLimiter)

    @provide
    async def counters(self, settings: Settings, clock: Clock) -> AsyncIterator[Counters]:
        """Rate-limit windows and sign-in lockouts: in Redis when REDIS_URL is set (shared by
        every API process), else in this process's memory."""
        if settings.redis_url is None:
            yield LocalCounters(clock)
            return
        from redis.asyncio import Redis

        from adapters.counters.redis import RedisCounters

        client = Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
        try:
            yield RedisCounters(client)
        finally:
            await client.aclose()

    @provide
    def lockout(self, counters: Counters, settings: Settings) -> SignInLockout:
        return SignInLockout(counters, after=settings.signin_lockout_after,
                             lock_s=settings.signin_lockout_s)

    @provide
    def token_issuer(self, settings: Settings) -> TokenIssuer:
        return JwtTokenIssuer(secret=settings.secret_key, issuer=TOKEN_ISSUER,
                              audience=TOKEN_AUDIENCE, lifetime_s=settings.access_token_ttl_s,
                              leeway_s=settings.jwt_leeway_s,
                              previous_secret=settings.secret_key_previous)

    @provide
    def secret_deriver(self, settings: Settings) -> SecretDeriver:
        return HmacSecretDeriver(settings.secret_key)

    @provide
    def mailer(self, settings: Settings) -> Mailer:
        if settings.development_mailer:
            return FileMailer(directory=Path(settings.mail_dir), sender=settings.email_from,
                              echo_links=settings.environment is Environment.DEVELOPMENT)
        return SmtpMailer(host=settings.smtp_host or "", port=settings.smtp_port,
                          sender=settings.email_from, username=settings.smtp_user,
                          password=settings.smtp_password, starttls=settings.smtp_starttls)
