"""Any OpenID Connect provider through authlib's async httpx client: discovery, the
authorization URL with PKCE (S256), the code exchange, and the ID token checked against the
provider's JWKS (`id_tokens`)."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import httpx2
from authlib.common.errors import AuthlibBaseError  # type: ignore[import-untyped]
from authlib.integrations.httpx_client import AsyncOAuth2Client  # type: ignore[import-untyped]
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from adapters.auth.id_tokens import UnknownSigningKey, verified_identity
from domain.ports.identity_provider import (
    AuthorizationRequest,
    CodeExchange,
    IdentityProvider,
    IdentityProviderUnavailable,
    SignInRefused,
    VerifiedIdentity,
)

SCOPES = "openid email profile"
DISCOVERY = "/.well-known/openid-configuration"
# Google also writes its issuer without the scheme (its "Validate an ID token" guide).
ISSUER_ALIASES = {"https://accounts.google.com": ["accounts.google.com"]}


class OidcIdentityProvider(IdentityProvider):
    def __init__(self, *, issuer: str, client_id: str, client_secret: str,
                 timeout_s: float = 10.0, leeway_s: int = 60, cache_s: float = 3600.0) -> None:
        self._issuer, self._client_id, self._secret = issuer.rstrip("/"), client_id, client_secret
        self._timeout_s, self._leeway_s, self._cache_s = timeout_s, leeway_s, cache_s
        self._metadata: tuple[float, dict[str, Any]] | None = None
        self._keys: tuple[float, KeySet] | None = None

    async def authorization_url(self, request: AuthorizationRequest) -> str:
        metadata = await self._discovery()
        async with self._client() as client:
            url, _ = client.create_authorization_url(
                metadata["authorization_endpoint"], state=request.state, nonce=request.nonce,
                code_verifier=request.code_verifier, redirect_uri=request.redirect_uri)
        return str(url)

    async def identify(self, exchange: CodeExchange, now: datetime) -> VerifiedIdentity:
        metadata = await self._discovery()
        async with self._client() as client:
            try:
                token = await client.fetch_token(
                    metadata["token_endpoint"], grant_type="authorization_code",
                    code=exchange.code, redirect_uri=exchange.redirect_uri,
                    code_verifier=exchange.code_verifier)
            except AuthlibBaseError as error:  # the provider's OAuth error answer
                raise SignInRefused(f"The identity provider refused the sign-in code "
                                    f"({error.error}).") from None
            except (httpx2.HTTPError, ValueError) as error:
                raise _unavailable("its token endpoint", error) from None
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise SignInRefused("The identity provider sent no ID token.")
        issuers = [self._issuer, *ISSUER_ALIASES.get(self._issuer, [])]
        for fresh in (False, True):
            try:
                return verified_identity(id_token, await self._key_set(fresh=fresh),
                                         issuers=issuers, client_id=self._client_id,
                                         nonce=exchange.nonce, now=now,
                                         leeway_s=self._leeway_s)
            except UnknownSigningKey:
                if fresh:
                    break
        raise SignInRefused("The identity provider's ID token is signed with an unknown key.")

    def _client(self) -> AsyncOAuth2Client:
        return AsyncOAuth2Client(client_id=self._client_id, client_secret=self._secret,
                                 scope=SCOPES, code_challenge_method="S256",
                                 timeout=self._timeout_s)

    async def _discovery(self) -> dict[str, Any]:
        if self._metadata and time.monotonic() - self._metadata[0] < self._cache_s:
            return self._metadata[1]
        metadata = await self._get_json(self._issuer + DISCOVERY, "its discovery document")
        endpoints = ("authorization_endpoint", "token_endpoint", "jwks_uri")
        if str(metadata.get("issuer", "")).rstrip("/") != self._issuer or not all(
                isinstance(metadata.get(name), str) for name in endpoints):
            raise IdentityProviderUnavailable(
                "The identity provider's discovery document does not match OIDC_ISSUER.")
        self._metadata = (time.monotonic(), metadata)
        return metadata

    async def _key_set(self, *, fresh: bool) -> KeySet:
        if not fresh and self._keys and time.monotonic() - self._keys[0] < self._cache_s:
            return self._keys[1]
        jwks = await self._get_json((await self._discovery())["jwks_uri"], "its keys")
        try:
            keys = KeySet.import_key_set(jwks)  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError) as error:
            raise _unavailable("its keys", error) from None
        self._keys = (time.monotonic(), keys)
        return keys

    async def _get_json(self, url: str, what: str) -> dict[str, Any]:
        async with self._client() as client:
            try:
                response = await client.request("GET", url, withhold_token=True)
                response.raise_for_status()
                body = response.json()
            except (httpx2.HTTPError, ValueError) as error:
                raise _unavailable(what, error) from None
        if not isinstance(body, dict):
            raise _unavailable(what, ValueError("not a JSON object"))
        return body


def _unavailable(what: str, error: Exception) -> IdentityProviderUnavailable:
    return IdentityProviderUnavailable(f"The identity provider cannot be reached right now "
                                       f"({what}: {type(error).__name__}); try again later.")
