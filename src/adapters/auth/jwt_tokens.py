from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import jwt
from jwt.types import Options

from domain.errors import NotAuthenticated
from domain.ids import UserId
from domain.ports.tokens import AccessClaims, TokenIssuer
from domain.users import User

_ALGORITHM = "HS256"
_TYPE = "access"
_CLAIMS = ["sub", "iss", "aud", "iat", "nbf", "exp", "typ", "ver", "jti"]
# PyJWT checks times against the wall clock; here the `now` passed in is what counts, so
# its own time checks are off (the claims stay required) and `_check_times` does them.
_OPTIONS: Options = {"require": _CLAIMS, "strict_aud": True, "verify_exp": False,
                     "verify_nbf": False, "verify_iat": False}
VERIFIED_CACHE_SIZE = 4096  # tokens; a few MB at most


class JwtTokenIssuer(TokenIssuer):
    """HS256 access tokens. Only HS256 is accepted, so `none` and key-confusion tricks fail.
    Times are checked with `leeway_s` of tolerance either way, so hosts whose clocks differ
    by a little accept each other's tokens.

    The claims of a token whose signature and claims checked out are kept (the last
    `cache_size` tokens), so a client sending the same token again costs no HMAC and no
    JSON decoding; the time checks against `now` still run on every `verify`, so a cached
    token expires exactly when an uncached one does. Revocation is not the token's business:
    the token version and the user's state are checked against storage on every request
    (application/auth/admission.py).
    """

    def __init__(self, *, secret: str, issuer: str, audience: str, lifetime_s: int = 900,
                 leeway_s: int = 0, previous_secret: str | None = None,
                 cache_size: int = VERIFIED_CACHE_SIZE) -> None:
        self._secret, self._issuer, self._audience = secret, issuer, audience
        self.lifetime_s, self._leeway_s = lifetime_s, leeway_s
        # While the key rotates, tokens signed with the previous one still verify (they
        # expire within `lifetime_s`); new tokens are always signed with `secret`.
        self._keys = [secret] if previous_secret is None else [secret, previous_secret]
        self._verified: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._cache_size = cache_size

    def issue(self, user: User, now: datetime, *, mfa: bool = False) -> str:
        issued_at = int(now.timestamp())
        claims = {
            "sub": str(user.id), "iss": self._issuer, "aud": self._audience,
            "iat": issued_at, "nbf": issued_at, "exp": issued_at + self.lifetime_s,
            "typ": _TYPE, "ver": user.token_version, "jti": uuid4().hex, "mfa": mfa,
        }
        return jwt.encode(claims, self._secret, algorithm=_ALGORITHM)

    def verify(self, token: str, now: datetime) -> AccessClaims:
        claims = self._verified.get(token)
        if claims is None:
            claims = self._decoded(token)
            access = _access_claims(claims, now, self._leeway_s)
            self._verified[token] = claims
            if len(self._verified) > self._cache_size:
                self._verified.popitem(last=False)
            return access
        self._verified.move_to_end(token)
        try:
            return _access_claims(claims, now, self._leeway_s)
        except NotAuthenticated:
            del self._verified[token]  # expired: no use keeping it
            raise

    def _decoded(self, token: str) -> dict[str, Any]:
        for key in self._keys:
            try:
                return jwt.decode(token, key, algorithms=[_ALGORITHM], audience=self._audience,
                                  issuer=self._issuer, options=_OPTIONS)
            except jwt.InvalidSignatureError:
                continue  # perhaps signed with the previous key
            except jwt.PyJWTError as error:
                raise NotAuthenticated("The access token is invalid.") from error
        raise NotAuthenticated("The access token is invalid.")


def _access_claims(claims: dict[str, Any], now: datetime, leeway_s: int) -> AccessClaims:
    expires_at = _check_times(claims, now.timestamp(), leeway_s)
    version, subject = claims["ver"], claims["sub"]
    if claims["typ"] != _TYPE or type(version) is not int or not isinstance(subject, str):
        raise NotAuthenticated("The access token is invalid.")
    try:
        user_id = UserId(UUID(subject))
    except ValueError as error:
        raise NotAuthenticated("The access token is invalid.") from error
    return AccessClaims(user_id=user_id, token_version=version, expires_at=expires_at,
                        mfa=claims.get("mfa") is True)


def _check_times(claims: dict[str, Any], now: float, leeway_s: int) -> datetime:
    times = [claims["iat"], claims["nbf"], claims["exp"]]
    if any(type(value) not in (int, float) for value in times):
        raise NotAuthenticated("The access token is invalid.")
    issued_at, not_before, expires = times
    if now >= expires + leeway_s:
        raise NotAuthenticated("The access token has expired.")
    if now + leeway_s < not_before or now + leeway_s < issued_at:
        raise NotAuthenticated("The access token is not valid yet.")
    return datetime.fromtimestamp(expires, UTC)
