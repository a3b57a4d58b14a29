"""Identity providers for the OIDC sign-in tests, over real HTTP on this machine: the
`oidc-provider-mock` package (a real OpenID provider, in a thread), and a tiny provider of
our own for the ID tokens the mock cannot make (expired, signed with a stranger's key)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit, urlunsplit

import httpx
import oidc_provider_mock
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from tests.threaded_server import ThreadedAsgiServer, read_request

CLIENT_ID, CLIENT_SECRET = "tesigo-test-client", "tesigo-test-secret"


@contextmanager
def mock_provider() -> Iterator[str]:
    """The mock's issuer URL; any client id and secret are accepted."""
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({**query_of(url), **changes})))


def local_target(location: str) -> str:
    """The path and query of a redirect back to the service (APP_URL is not this client's)."""
    parts = urlsplit(location)
    return f"{parts.path}?{parts.query}"


async def authorize(issuer: str, authorization_url: str, sub: str,
                    claims: dict[str, Any] | None = None, action: str | None = None) -> str:
    """The person at the provider: claims set up, then "Authorize" (or "Deny"); returns
    where the provider sends the browser back."""
    async with httpx.AsyncClient() as browser:
        if claims is not None:
            put = await browser.put(f"{issuer}/users/{quote(sub, safe='')}", json=claims)
            assert put.status_code == 204, put.text
        form = {"sub": sub, **({"action": action} if action else {})}
        answer = await browser.post(authorization_url, data=form)
    assert answer.status_code == 302, answer.text
    return answer.headers["location"]


class LocalProvider(ThreadedAsgiServer):
    """Discovery, JWKS and a token endpoint that answers `self.claims` as an ID token signed
    with `self.signing_key` (by default the key its JWKS publishes)."""

    def __init__(self) -> None:
        super().__init__(self._serve)
        self.published = RSAKey.generate_key(2048, parameters={"kid": "published"})
        self.signing_key = self.published
        self.claims: dict[str, Any] = {}
        self.token_requests: list[dict[str, str]] = []

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def id_token_claims(self, nonce: str, **changes: Any) -> dict[str, Any]:
        now = int(time.time())
        return {"iss": self.issuer, "aud": CLIENT_ID, "sub": "local-1", "iat": now,
                "exp": now + 300, "nonce": nonce, "email": "lin@example.com",
                "email_verified": True, **changes}

    async def _serve(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        body_bytes, _ = await read_request(scope, receive)
        if scope["path"] == "/.well-known/openid-configuration":
            body: dict[str, Any] = {
                "issuer": self.issuer, "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token", "jwks_uri": f"{self.issuer}/jwks",
                "id_token_signing_alg_values_supported": ["RS256"]}
        elif scope["path"] == "/jwks":
            body = KeySet([self.published]).as_dict(private=False)
        elif scope["path"] == "/token":
            self.token_requests.append(query_of(f"?{body_bytes.decode()}"))
            kid = self.signing_key.kid
            body = {"access_token": "local-access", "token_type": "Bearer", "expires_in": 300,
                    "id_token": jwt.encode({"alg": "RS256", "kid": kid}, self.claims,
                                           self.signing_key)}
        else:
            body = {"error": "not_found"}
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": json.dumps(body).encode()})
