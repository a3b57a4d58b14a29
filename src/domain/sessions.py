from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from domain.errors import NotAuthenticated
from domain.ids import SessionFamilyId, UserId

SESSION_LIFETIME = timedelta(days=30)


class Rotation(Enum):
    ROTATED = "rotated"
    REPLAYED_IN_GRACE = "replayed_in_grace"
    REUSE_DETECTED = "reuse_detected"


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionFamily:
    """The chain of refresh tokens born from one sign-in.

    Exactly one token of the family is current, and each token has exactly one successor.
    Presenting the current token rotates the family to that token's successor. Presenting the
    token just rotated out, within a short grace after the rotation, is a second tab
    refreshing at the same moment: it gets the same successor and changes nothing. Presenting
    any other earlier token means it was stolen or replayed, and the whole family is revoked.
    A family dies at `expires_at` whatever happens (absolute lifetime).
    """

    id: SessionFamilyId
    user_id: UserId
    current_digest: str
    created_at: datetime
    expires_at: datetime
    rotated_at: datetime
    revoked_at: datetime | None = None
    mfa: bool = False  # the sign-in passed a second factor; every refresh keeps it

    @classmethod
    def start(cls, *, id: SessionFamilyId, user_id: UserId, token_digest: str, now: datetime,
              lifetime: timedelta = SESSION_LIFETIME, mfa: bool = False) -> SessionFamily:
        return cls(id=id, user_id=user_id, current_digest=token_digest, created_at=now,
                   expires_at=now + lifetime, rotated_at=now, mfa=mfa)

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def is_active(self, now: datetime) -> bool:
        return not self.revoked and now < self.expires_at

    def rotate(self, *, presented_digest: str, successor_digest: str, now: datetime,
               grace: timedelta = timedelta(0)) -> tuple[SessionFamily, Rotation]:
        """Rotate to the presented token's successor, accept a replay within `grace`, or
        revoke the family on reuse. `successor_digest` is the digest of the presented
        token's successor.

        Raises NotAuthenticated when the family is revoked or past its lifetime.
        """
        if not self.is_active(now):
            raise NotAuthenticated("The session has ended; sign in again.")
        if presented_digest == self.current_digest:
            return replace(self, current_digest=successor_digest, rotated_at=now), \
                Rotation.ROTATED
        if successor_digest == self.current_digest and now - self.rotated_at <= grace:
            return self, Rotation.REPLAYED_IN_GRACE
        return self.revoke(now), Rotation.REUSE_DETECTED

    def revoke(self, now: datetime) -> SessionFamily:
        if self.revoked:
            return self
        return replace(self, revoked_at=now)
