from abc import abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.ids import UserId
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class AccessClaims:
    user_id: UserId
    token_version: int
    expires_at: datetime
    mfa: bool = False  # the session passed a second factor


class TokenIssuer(Protocol):
    """Short-lived signed access tokens.

    - `issue` mints a token for the user at `now`, carrying the user's token version and
      whether the session passed a second factor (`mfa`).
    - `verify` returns the claims of a genuine, unexpired access token and raises
      NotAuthenticated for anything else (bad signature, algorithm, issuer, audience, type,
      expiry or not-before).
    - `lifetime_s` is how long an issued token lives.
    """

    lifetime_s: int

    @abstractmethod
    def issue(self, user: User, now: datetime, *, mfa: bool = False) -> str: ...

    @abstractmethod
    def verify(self, token: str, now: datetime) -> AccessClaims: ...
