"""Checking an OpenID Connect ID token (joserfc), as OpenID Connect Core 3.1.3.7 says."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from domain.ports.identity_provider import SignInRefused, VerifiedIdentity

# Asymmetric only: "none" and the HMAC family (keyed with the client secret) are never taken.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384",
              "ES512", "EdDSA")


class UnknownSigningKey(Exception):
    """The token names a key id the key set lacks: the provider may have rotated its keys."""


def verified_identity(id_token: str, keys: KeySet, *, issuers: list[str], client_id: str,
                      nonce: str, now: datetime, leeway_s: int) -> VerifiedIdentity:
    """The identity of a valid ID token with a verified e-mail; else SignInRefused."""
    try:
        claims: dict[str, Any] = jwt.decode(id_token, keys, algorithms=list(ALGORITHMS)).claims
        jwt.JWTClaimsRegistry(
            now=int(now.timestamp()), leeway=leeway_s,
            iss={"essential": True, "values": list(issuers)},
            aud={"essential": True, "value": client_id},
            sub={"essential": True}, exp={"essential": True}, iat={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(claims)
    except InvalidKeyIdError as error:
        raise UnknownSigningKey from error
    except (JoseError, ValueError) as error:
        raise SignInRefused(f"The identity provider's ID token is refused "
                            f"({_reason(error)}).") from None
    audience = claims["aud"]
    if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != client_id:
        raise SignInRefused("The identity provider's ID token was issued to another client.")
    email, verified = claims.get("email"), claims.get("email_verified")
    if not isinstance(email, str) or verified not in (True, "true"):
        raise SignInRefused("The identity provider did not confirm that the e-mail address "
                            "is verified, so the sign-in is refused.")
    return VerifiedIdentity(issuer=claims["iss"], subject=claims["sub"], email=email)


def _reason(error: Exception) -> str:
    if isinstance(error, JoseError):
        return error.description or error.error
    return "unreadable"
