"""One settings object, read from the environment (and `.env`), validated at start."""

from __future__ import annotations

import ipaddress
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from dotenv import dotenv_values
from msgspec import Meta

from domain.errors import InvalidInput
from domain.ports.rate_limits import Rate
from entrypoints.billing_config import credit_packs
from entrypoints.database_config import databases_problem
from entrypoints.plans_config import subscription_plans
from entrypoints.storage_config import s3_bucket
from entrypoints.two_factor_config import second_factor_problem

DEV_SECRET = "development-only-secret-key-change-me-0123456789"  # noqa: S105
MIN_SECRET_LENGTH = 32


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"
    TEST = "test"


class SourcesProvider(StrEnum):
    SEMANTIC_SCHOLAR = "semantic_scholar"
    OPENALEX = "openalex"
    BOTH = "both"
    OFFLINE = "offline"


class ConfigError(Exception):
    """The settings cannot run the service; the message says which one and why."""


class Settings(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=False):
    environment: Environment = Environment.DEVELOPMENT
    debug: bool = False
    secret_key: str = DEV_SECRET
    secret_key_previous: str | None = None  # still verifies access tokens while rotating
    database_url: str = "sqlite:///var/tesigo.db"
    app_url: str = "http://127.0.0.1:8000"
    cors_origins: list[str] = msgspec.field(default_factory=list)
    allowed_hosts: list[str] = msgspec.field(default_factory=lambda: ["*"])
    admin_emails: list[str] = msgspec.field(default_factory=list)
    smtp_host: str | None = None
    smtp_port: Annotated[int, Meta(ge=1, le=65535)] = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    email_from: str = "TesiGo <no-reply@tesigo.local>"
    mail_dir: str = "var/mail"
    storage_dir: str = "var/storage"
    log_format: str | None = None
    log_level: str = "INFO"
    worker_concurrency: Annotated[int, Meta(ge=1, le=256)] = 4
    job_lease_s: Annotated[int, Meta(ge=2)] = 60
    job_poll_s: Annotated[float, Meta(gt=0)] = 1.0
    job_retry_s: Annotated[float, Meta(gt=0, le=3600)] = 5.0  # doubles per failed attempt
    rate_limit_signin: str = "20/minute"
    rate_limit_magic_link: str = "5/hour"
    rate_limit_api: str = "600/minute"
    access_token_ttl_s: Annotated[int, Meta(ge=60, le=3600)] = 900
    session_lifetime_days: Annotated[int, Meta(ge=1, le=365)] = 30
    outbox_poll_s: Annotated[float, Meta(gt=0)] = 2.0
    outbox_retry_s: Annotated[float, Meta(gt=0, le=1800)] = 5.0  # doubles per failed try
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_fallback_model: str | None = None
    llm_timeout_s: Annotated[float, Meta(gt=0, le=600)] = 60.0
    sources_provider: SourcesProvider = SourcesProvider.OFFLINE
    sources_max: Annotated[int, Meta(ge=8, le=500)] = 120
    sources_per_section: Annotated[int, Meta(ge=1, le=40)] = 12
    section_concurrency: Annotated[int, Meta(ge=1, le=32)] = 4
    semantic_scholar_base_url: str = "https://api.semanticscholar.org"
    semantic_scholar_api_key: str | None = None
    openalex_base_url: str = "https://api.openalex.org"
    crossref_base_url: str | None = None  # Crossref itself; see DoiLookupProvider
    crossref_timeout_s: Annotated[float, Meta(gt=0, le=120)] = 10.0
    signup_credits: Annotated[int, Meta(ge=0)] = 250_000
    daily_token_limit: Annotated[int, Meta(ge=0)] = 2_000_000
    global_daily_token_limit: Annotated[int, Meta(ge=0)] = 20_000_000
    stripe_secret_key: str | None = None
    stripe_webhook_secret: list[str] = msgspec.field(default_factory=list)
    stripe_api_base: str | None = None
    stripe_timeout_s: Annotated[float, Meta(gt=0, le=120)] = 20.0
    payment_provider: Literal["stripe", "paddle"] = "stripe"
    paddle_api_key: str | None = None
    paddle_webhook_secret: list[str] = msgspec.field(default_factory=list)
    paddle_api_base: str = "https://api.paddle.com"
    credit_packs: str | None = None
    receipt_seller_name: Annotated[str, Meta(min_length=1, max_length=200)] = "TesiGo"
    receipt_seller_address: Annotated[str, Meta(max_length=1000)] = ""
    subscription_plans: str | None = None
    render_workers: Annotated[int, Meta(ge=1, le=32)] = 2
    render_timeout_s: Annotated[float, Meta(gt=0, le=3600)] = 120.0
    render_memory_mb: Annotated[int, Meta(ge=128)] = 2048
    trusted_proxies: list[str] = msgspec.field(default_factory=list)
    signin_lockout_after: Annotated[int, Meta(ge=1, le=1000)] = 5
    signin_lockout_s: Annotated[int, Meta(ge=1, le=86_400)] = 900
    redis_url: str | None = None
    refresh_reuse_grace_s: Annotated[int, Meta(ge=0, le=300)] = 10
    jwt_leeway_s: Annotated[int, Meta(ge=0, le=300)] = 30
    metrics_allowed: list[str] = msgspec.field(default_factory=lambda: ["127.0.0.1", "::1"])
    metrics_token: str | None = None
    # error tracking with Sentry, off unless SENTRY_DSN is set (docs/operations.md)
    sentry_dsn: str | None = None
    sentry_traces_sample_rate: Annotated[float, Meta(ge=0, le=1)] = 0.0
    sentry_release: str | None = None  # None: the package's version
    # PostgreSQL connection pool and statement timeout (docs/operations.md)
    db_pool_size: Annotated[int, Meta(ge=1, le=500)] = 30
    db_max_overflow: Annotated[int, Meta(ge=0, le=500)] = 0
    db_pool_timeout_s: Annotated[float, Meta(gt=0, le=300)] = 10.0
    db_statement_timeout_s: Annotated[float, Meta(ge=0, le=86_400)] = 30.0
    # A PostgreSQL streaming replica for read-only screens (docs/operations.md)
    database_replica_url: str | None = None
    replica_max_lag_s: Annotated[float, Meta(gt=0, le=3_600)] = 5.0
    # The worker's own /metrics, for Prometheus (docs/operations.md); off when unset
    worker_metrics_port: Annotated[int, Meta(ge=0, le=65_535)] | None = None
    worker_metrics_host: str = "0.0.0.0"  # noqa: S104 - guarded by METRICS_ALLOWED/TOKEN
    # S3-compatible file storage instead of STORAGE_DIR (docs/operations.md)
    storage_url: str | None = None  # s3://bucket or s3://bucket/prefix
    s3_endpoint_url: str | None = None  # MinIO, moto; AWS itself when unset
    s3_allow_http: bool = False  # local endpoints only
    aws_access_key_id: str | None = None
    aws_secret_access_key: str | None = None
    aws_region: str = "us-east-1"
    # Sign in with Google or any OpenID Connect provider (docs/operations.md); off unset
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_name: str = "Google"
    # Admin second factor, TOTP (docs/operations.md)
    admin_2fa_required: bool | None = None  # unset: on in production, off elsewhere
    totp_encryption_key: str | None = None  # Fernet key(s), comma-separated while rotating

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id and self.oidc_client_secret)

    def __repr__(self) -> str:
        shown = {f: getattr(self, f) for f in self.__struct_fields__}
        for secret in ("secret_key", "secret_key_previous", "smtp_password", "openai_api_key",
                       "semantic_scholar_api_key", "stripe_secret_key",
                       "stripe_webhook_secret", "paddle_api_key", "paddle_webhook_secret",
                       "metrics_token", "aws_secret_access_key",
                       "oidc_client_secret", "totp_encryption_key"):
            shown[secret] = "***" if shown[secret] else shown[secret]
        return f"Settings({shown})"

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @property
    def uses_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def json_logs(self) -> bool:
        return (self.log_format or ("json" if self.is_production else "console")) == "json"

    @property
    def offline_model(self) -> bool:
        """No model server configured: the embedded offline model writes (clearly labelled)."""
        return not (self.openai_api_key or self.openai_base_url)

    @property
    def payments_enabled(self) -> bool:
        """The chosen provider has an API key."""
        if self.payment_provider == "paddle":
            return self.paddle_api_key is not None
        return self.stripe_secret_key is not None

    @property
    def development_mailer(self) -> bool:
        return self.smtp_host is None

    def rate(self, name: str) -> Rate:
        return Rate.parse(getattr(self, f"rate_limit_{name}"))

    def _check_offers(self) -> None:
        offers = (("CREDIT_PACKS", credit_packs, self.credit_packs),
                  ("SUBSCRIPTION_PLANS", subscription_plans, self.subscription_plans))
        for setting, parse, raw in offers:
            try:
                parse(raw)
            except ValueError as error:
                raise ConfigError(f"{setting}: {error}") from None

    def check(self) -> Settings:
        """Refuse settings that would run the service unsafely; returns self."""
        for name in ("signin", "magic_link", "api"):
            try:
                self.rate(name)
            except InvalidInput as error:
                raise ConfigError(f"RATE_LIMIT_{name.upper()}: {error}") from None
        self._check_offers()
        if self.log_format not in (None, "json", "console"):
            raise ConfigError("LOG_FORMAT must be json or console")
        oidc = (self.oidc_issuer, self.oidc_client_id, self.oidc_client_secret)
        if any(oidc) and not all(oidc):
            raise ConfigError("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: "
                              "set all three or none")
        if problem := databases_problem(self.database_url, self.database_replica_url):
            raise ConfigError(problem)
        try:
            s3_bucket(self)
        except ValueError as error:
            raise ConfigError(str(error)) from None
        for name in ("trusted_proxies", "metrics_allowed"):
            for entry in getattr(self, name):
                try:
                    ipaddress.ip_network(entry, strict=False)
                except ValueError:
                    raise ConfigError(f"{name.upper()}: {entry!r} is not an address or a "
                                      "CIDR network") from None
        if problem := second_factor_problem(self):  # admin second factor (TOTP)
            raise ConfigError(problem)
        if self.is_production:
            self._check_production()
        return self

    def _check_production(self) -> None:
        if len(self.secret_key) < MIN_SECRET_LENGTH or self.secret_key == DEV_SECRET:
            raise ConfigError("SECRET_KEY must be set to at least 32 characters in production")
        if self.development_mailer:
            raise ConfigError("SMTP_HOST must be set in production (no development mailer)")
        if self.debug:
            raise ConfigError("DEBUG must be off in production")
        if "*" in self.allowed_hosts:
            raise ConfigError("ALLOWED_HOSTS must name the service's hosts in production, "
                              "not '*'")
        if "*" in self.cors_origins:
            raise ConfigError("CORS_ORIGINS must name the allowed origins in production, "
                              "not '*'")


_LISTS = {"cors_origins", "allowed_hosts", "admin_emails", "stripe_webhook_secret",
          "paddle_webhook_secret",
          "trusted_proxies", "metrics_allowed"}


def load_settings(environ: dict[str, str] | None = None, env_file: Path | None = None) -> Settings:
    """Settings from `.env` (if present) overlaid by the process environment."""
    source: dict[str, str | None] = {}
    path = env_file or Path(".env")
    if environ is None and path.is_file():
        source.update(dotenv_values(path))
    source.update(os.environ if environ is None else environ)
    names = set(Settings.__struct_fields__)
    raw: dict[str, object] = {}
    for key, value in source.items():
        name = key.lower()
        if name not in names or value is None or value == "":
            continue
        raw[name] = [v.strip() for v in value.split(",") if v.strip()] if name in _LISTS else value
    if "admin_emails" in raw:
        raw["admin_emails"] = [str(e).lower() for e in raw["admin_emails"]]  # type: ignore[attr-defined]
    try:
        settings = msgspec.convert(raw, Settings, strict=False)
    except msgspec.ValidationError as error:
        raise ConfigError(f"invalid setting: {error}") from None
    return settings.check()
