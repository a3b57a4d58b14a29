from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.digests import digest
from domain.ids import SessionFamilyId
from domain.ports.system import IdGenerator, SecretGenerator
from domain.ports.tokens import TokenIssuer
from domain.sessions import SessionFamily
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int


class SessionTokens:
    """Mints what a session hands out: a signed access token and an opaque refresh token,
    of which only the digest is ever stored."""

    def __init__(self, issuer: TokenIssuer, ids: IdGenerator, secrets: SecretGenerator) -> None:
        self._issuer, self._ids, self._secrets = issuer, ids, secrets

    def new_refresh_token(self) -> tuple[str, str]:
        token = self._secrets.new_secret()
        return token, digest(token)

    def new_family(self, user: User, token_digest: str, now: datetime,
                   lifetime: timedelta) -> SessionFamily:
        return SessionFamily.start(id=SessionFamilyId(self._ids.new_id()), user_id=user.id,
                                   token_digest=token_digest, now=now, lifetime=lifetime)

    def pair(self, user: User, refresh_token: str, now: datetime) -> TokenPair:
        return TokenPair(access_token=self._issuer.issue(user, now), refresh_token=refresh_token,
                         expires_in=self._issuer.lifetime_s)
