from dataclasses import dataclass, field
from datetime import timedelta

from domain.magic_links import MAGIC_LINK_TTL
from domain.ports.rate_limits import Rate
from domain.sessions import SESSION_LIFETIME


@dataclass(frozen=True, slots=True, kw_only=True)
class SignInPolicy:
    """The configurable side of sign-in, set by the operator."""

    app_url: str
    admin_emails: frozenset[str] = field(default_factory=frozenset)
    magic_link_rate: Rate = field(default_factory=lambda: Rate(5, 3600))
    magic_link_ttl: timedelta = MAGIC_LINK_TTL
    session_lifetime: timedelta = SESSION_LIFETIME
    refresh_reuse_grace: timedelta = timedelta(seconds=10)
    signup_credits: int = 0

    def link_for(self, token: str) -> str:
        return f"{self.app_url.rstrip('/')}/auth/verify?token={token}"
