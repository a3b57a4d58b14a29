"""The browser's session: the same access and refresh tokens the API hands out, kept in
HttpOnly cookies (`Secure` in production, `SameSite=Lax`) instead of a bearer header.

- an expired access token is renewed with the refresh token (`RefreshSession` rotates it,
  as the API's `/refresh` does) and the new pair goes back in the answer's cookies
- a session the server ended (sign-out, logout-all, a blocked account) reads as signed out
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request, Response
from litestar.datastructures import Cookie

from application.auth.authenticate import Authenticate
from application.auth.refresh_session import RefreshRequest, RefreshSession
from application.auth.token_pair import TokenPair
from domain.errors import DomainError
from domain.sessions import SESSION_LIFETIME
from domain.users import User

ACCESS, REFRESH = "tesigo_access", "tesigo_refresh"


@dataclass(frozen=True, slots=True)
class WebSession:
    """Who the browser is (None: signed out) and a renewed token pair to hand back."""

    user: User | None
    renewed: TokenPair | None = None
    secure: bool = False  # cookies only over HTTPS (production)
    credits: int | None = None  # the balance the top bar shows (pages read with GET)

    def keep(self, response: Response[Any]) -> Response[Any]:
        """`response` with the renewed token pair, if the session was renewed."""
        if self.renewed is not None:
            for cookie in session_cookies(self.renewed, secure=self.secure):
                response.set_cookie(cookie)
        return response


async def read_session(request: Request[Any, Any, Any], authenticate: Authenticate,
                       refresh: RefreshSession, ip: str, *, secure: bool) -> WebSession:
    access, renew = request.cookies.get(ACCESS), request.cookies.get(REFRESH)
    if access:
        try:
            return WebSession(await authenticate(access), secure=secure)
        except DomainError:
            pass
    if not renew:
        return WebSession(None, secure=secure)
    try:
        pair = await refresh(RefreshRequest(refresh_token=renew, ip=ip))
        return WebSession(await authenticate(pair.access_token), pair, secure=secure)
    except DomainError:
        return WebSession(None, secure=secure)


def session_cookies(pair: TokenPair, *, secure: bool) -> list[Cookie]:
    return [Cookie(key=ACCESS, value=pair.access_token, max_age=pair.expires_in, path="/",
                   httponly=True, secure=secure, samesite="lax"),
            Cookie(key=REFRESH, value=pair.refresh_token,
                   max_age=int(SESSION_LIFETIME.total_seconds()), path="/", httponly=True,
                   secure=secure, samesite="lax")]


def end_session(response: Response[Any]) -> Response[Any]:
    for name in (ACCESS, REFRESH):
        response.delete_cookie(name, path="/")
    return response
