from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from domain.errors import NotAuthenticated
from domain.ids import SessionFamilyId, UserId

SESSION_LIFETIME = timedelta(days=30)


class Rotation(Enum):
    ROTATED = "rotated"
    REUSE_DETECTED = "reuse_detected"


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionFamily:
    """The chain of refresh tokens born from one sign-in.

    Exactly one token of the family is current. Presenting the current token rotates it;
    presenting any earlier token of the family means it was stolen or replayed, and the
    whole family is revoked. A family dies at `expires_at` whatever happens (absolute lifetime).
    """

    id: SessionFamilyId
    user_id: UserId
    current_digest: str
    created_at: datetime
    expires_at: datetime
    rotated_at: datetime
    revoked_at: datetime | None = None

    @classmethod
    def start(cls, *, id: SessionFamilyId, user_id: UserId, token_digest: str, now: datetime,
              lifetime: timedelta = SESSION_LIFETIME) -> SessionFamily:
        return cls(id=id, user_id=user_id, current_digest=token_digest, created_at=now,
                   expires_at=now + lifetime, rotated_at=now)

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def is_active(self, now: datetime) -> bool:
        return not self.revoked and now < self.expires_at

    def rotate(self, *, presented_digest: str, new_digest: str,
               now: datetime) -> tuple[SessionFamily, Rotation]:
        """Swap the current token for a new one, or revoke the family on reuse.

        Raises NotAuthenticated when the family is revoked or past its lifetime.
        """
        if not self.is_active(now):
            raise NotAuthenticated("The session has ended; sign in again.")
        if presented_digest != self.current_digest:
            return self.revoke(now), Rotation.REUSE_DETECTED
        return replace(self, current_digest=new_digest, rotated_at=now), Rotation.ROTATED

    def revoke(self, now: datetime) -> SessionFamily:
        if self.revoked:
            return self
        return replace(self, revoked_at=now)
