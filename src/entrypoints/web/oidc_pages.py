"""The page's "Sign in with Google" (or the configured provider): the same use cases as the
API's /api/v1/auth/oidc, with the page's session cookies at the end, as `/auth/verify`."""

from __future__ import annotations

from typing import Any

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get
from litestar.response import Redirect, Template

from application.auth.finish_oidc_sign_in import FinishOidcSignIn, FinishOidcSignInRequest
from application.auth.start_oidc_sign_in import StartOidcSignIn
from domain.errors import AccountBlocked, DomainError, NotFound
from domain.oidc_sign_in import InvalidSignInState
from domain.ports.identity_provider import IdentityProviderUnavailable
from entrypoints.config import Settings
from entrypoints.http.controllers.oidc import CodeParam, ProviderError, StateParam, callback_url
from entrypoints.http.identity import ClientIp
from entrypoints.http.oidc_cookie import COOKIE, OidcCookie
from entrypoints.web.i18n import N_
from entrypoints.web.session import WebSession, session_cookies

PATH = "/auth/oidc"
NOT_STARTED = N_("This sign-in was not started here, was already used or took longer than "
                 "10 minutes. Try again.")
UNAVAILABLE = N_("The sign-in service cannot be reached right now. Try again later, or ask "
                 "for a sign-in link below.")
BLOCKED = N_("This account is blocked.")
REFUSED = N_("The sign-in service did not confirm a verified e-mail address, so you are not "
             "signed in. Ask for a sign-in link below instead.")


def _refusal(error: DomainError) -> tuple[int, str]:
    if isinstance(error, NotFound):
        return 404, UNAVAILABLE
    if isinstance(error, InvalidSignInState):
        return 400, NOT_STARTED
    if isinstance(error, IdentityProviderUnavailable):
        return 503, UNAVAILABLE
    if isinstance(error, AccountBlocked):
        return 403, BLOCKED
    return 401, REFUSED


def _sign_in_page(error: DomainError) -> Template:
    status, message = _refusal(error)
    return Template("sign_in.html.j2", status_code=status,
                    context={"email": "", "error": message})


class OidcPagesController(Controller):
    include_in_schema = False

    @get("/auth/oidc/start")
    async def start(self, start: FromDishka[StartOidcSignIn], cookie: FromDishka[OidcCookie],
                    settings: FromDishka[Settings]) -> Response[Any]:
        try:
            started = await start(callback_url(settings, PATH))
        except DomainError as error:
            return _sign_in_page(error)
        response: Response[Any] = Redirect(started.authorization_url)
        cookie.keep(response, started.pending, PATH)
        return response

    @get("/auth/oidc/callback")
    async def callback(self, request: Request[Any, Any, Any], ip: FromDishka[ClientIp],
                       finish: FromDishka[FinishOidcSignIn], cookie: FromDishka[OidcCookie],
                       settings: FromDishka[Settings], session: FromDishka[WebSession],
                       returned_state: StateParam = "", code: CodeParam = "",
                       error: ProviderError = None) -> Response[Any]:
        try:
            pair = await finish(FinishOidcSignInRequest(
                pending=cookie.open(request.cookies.get(COOKIE)), state=returned_state, code=code,
                error=error, redirect_uri=callback_url(settings, PATH), ip=ip))
        except DomainError as refused:
            return _sign_in_page(refused)
        response: Response[Any] = Redirect("/documents")
        for session_cookie in session_cookies(pair, secure=session.secure):
            response.set_cookie(session_cookie)
        cookie.forget(response, PATH)
        return response
