"""Signing in with an outside OpenID Connect provider (Google, or any other)."""

from abc import abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.errors import DomainError, NotAuthenticated, NotFound


class SignInRefused(NotAuthenticated):
    default_message = ("The identity provider did not vouch for a verified e-mail address, "
                       "so the sign-in is refused.")


class IdentityProviderUnavailable(DomainError):
    default_message = "The identity provider cannot be reached right now; try again later."


class SignInMethodUnavailable(NotFound):
    default_message = "Sign-in with an identity provider is not configured on this service."


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthorizationRequest:
    redirect_uri: str
    state: str
    nonce: str
    code_verifier: str  # only its S256 challenge leaves in the URL


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeExchange:
    code: str
    redirect_uri: str
    code_verifier: str
    nonce: str  # the one the authorization request carried


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifiedIdentity:
    issuer: str
    subject: str
    email: str  # the provider says it verified it


class IdentityProvider(Protocol):
    """One OpenID Connect provider, for the authorization-code flow with PKCE.

    - `authorization_url` is the provider's authorization endpoint (from its discovery
      document) asking for `openid email profile`, response type `code`, with the request's
      state, nonce, redirect URI and the S256 challenge of its verifier (never the verifier)
    - `identify` redeems the code with the verifier and returns the identity only when the ID
      token is verified: signature by a key of the provider's JWKS (asymmetric algorithms
      only), `iss` the configured issuer, `aud` the client id, `exp` and `iat` against `now`
      with a small leeway, `nonce` equal to the exchange's, and `email_verified` true
    - a code the provider refuses, a token failing any check or an e-mail not verified raise
      SignInRefused; a provider that cannot be reached or answers nonsense raises
      IdentityProviderUnavailable; an unconfigured provider raises SignInMethodUnavailable
    - the discovery document and the keys are cached; a key id not among the cached keys
      fetches the keys once more (key rotation)
    """

    @abstractmethod
    async def authorization_url(self, request: AuthorizationRequest) -> str: ...

    @abstractmethod
    async def identify(self, exchange: CodeExchange, now: datetime) -> VerifiedIdentity: ...
