from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.errors import InvalidMagicLink
from domain.ids import MagicLinkId
from domain.users import Email

MAGIC_LINK_TTL = timedelta(minutes=10)


@dataclass(frozen=True, slots=True, kw_only=True)
class MagicLink:
    """A single-use sign-in link. Only the digest of its token is ever stored."""

    id: MagicLinkId
    email: Email
    token_digest: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None

    @classmethod
    def issue(cls, *, id: MagicLinkId, email: Email, token_digest: str,
              now: datetime, ttl: timedelta = MAGIC_LINK_TTL) -> MagicLink:
        return cls(id=id, email=email, token_digest=token_digest, created_at=now,
                   expires_at=now + ttl)

    def is_usable(self, now: datetime) -> bool:
        return self.used_at is None and now < self.expires_at

    def consume(self, now: datetime) -> MagicLink:
        """The link, spent. Raises InvalidMagicLink if it was used before or has expired."""
        if not self.is_usable(now):
            raise InvalidMagicLink
        return replace(self, used_at=now)
