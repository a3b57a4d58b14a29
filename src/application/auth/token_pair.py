from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.digests import digest
from domain.ids import SessionFamilyId
from domain.ports.system import IdGenerator, SecretDeriver, SecretGenerator
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
    of which only the digest is ever stored. A family's first refresh token is random; each
    later one is derived from the one it replaces, so a refresh repeated at once (two tabs)
    can be answered with the same successor without storing any token."""

    def __init__(self, issuer: TokenIssuer, ids: IdGenerator, secrets: SecretGenerator,
                 deriver: SecretDeriver) -> None:
        self._issuer, self._ids, self._secrets, self._deriver = issuer, ids, secrets, deriver

    def new_refresh_token(self) -> tuple[str, str]:
        token = self._secrets.new_secret()
        return token, digest(token)

    def successor_of(self, refresh_token: str) -> tuple[str, str]:
        token = self._deriver.derive(refresh_token)
        return token, digest(token)

    def new_family(self, user: User, token_digest: str, now: datetime,
                   lifetime: timedelta, *, mfa: bool = False) -> SessionFamily:
        return SessionFamily.start(id=SessionFamilyId(self._ids.new_id()), user_id=user.id,
                                   token_digest=token_digest, now=now, lifetime=lifetime,
                                   mfa=mfa)

    def pair(self, user: User, refresh_token: str, now: datetime, *,
             mfa: bool = False) -> TokenPair:
        return TokenPair(access_token=self._issuer.issue(user, now, mfa=mfa),
                         refresh_token=refresh_token, expires_in=self._issuer.lifetime_s)
