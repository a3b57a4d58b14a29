"""The browser's half of a sign-in with an identity provider: the pending sign-in (state,
nonce, PKCE verifier, start time) in a short-lived cookie, HMAC-signed with a key derived
from SECRET_KEY, HttpOnly, `SameSite=Lax` (it must come back on the provider's redirect),
`Secure` in production, scoped to the path of its callback."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import msgspec
from litestar import Response

from domain.oidc_sign_in import OIDC_SIGN_IN_TTL, PendingOidcSignIn

COOKIE = "tesigo_oidc"
MAX_COOKIE_CHARS = 1000


class OidcCookie:
    def __init__(self, secret_key: str, *, secure: bool) -> None:
        self._key = hmac.new(secret_key.encode(), b"tesigo oidc sign-in", hashlib.sha256).digest()
        self._secure = secure

    def seal(self, pending: PendingOidcSignIn) -> str:
        body = base64.urlsafe_b64encode(msgspec.json.encode(pending)).rstrip(b"=")
        return f"{body.decode()}.{self._signature(body)}"

    def open(self, value: str | None) -> PendingOidcSignIn | None:
        """The pending sign-in of a cookie this service sealed; None for anything else."""
        if not value or len(value) > MAX_COOKIE_CHARS or value.count(".") != 1:
            return None
        body, signature = value.encode().split(b".")
        if not hmac.compare_digest(self._signature(body).encode(), signature):
            return None
        try:
            raw = base64.urlsafe_b64decode(body + b"=" * (-len(body) % 4))
            return msgspec.json.decode(raw, type=PendingOidcSignIn)
        except (ValueError, msgspec.DecodeError):
            return None

    def keep(self, response: Response[Any], pending: PendingOidcSignIn, path: str) -> None:
        response.set_cookie(COOKIE, self.seal(pending), path=path, httponly=True,
                            secure=self._secure, samesite="lax",
                            max_age=int(OIDC_SIGN_IN_TTL.total_seconds()))

    @staticmethod
    def forget(response: Response[Any], path: str) -> None:
        response.delete_cookie(COOKIE, path=path)

    def _signature(self, body: bytes) -> str:
        mac = hmac.new(self._key, body, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
