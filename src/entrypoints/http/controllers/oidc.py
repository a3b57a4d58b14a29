"""Sign-in with the configured OpenID Connect provider (Google by default), for API clients
that drive a browser: `start` sends it to the provider, `callback` answers the token pair."""

from __future__ import annotations

from typing import Annotated, Any

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get
from litestar.params import QueryParameter
from litestar.response import Redirect
from litestar.status_codes import HTTP_302_FOUND

from application.auth.finish_oidc_sign_in import FinishOidcSignIn, FinishOidcSignInRequest
from application.auth.start_oidc_sign_in import StartOidcSignIn
from entrypoints.config import Settings
from entrypoints.http.auth_schemas import TokenPairOut
from entrypoints.http.identity import ClientIp
from entrypoints.http.oidc_cookie import COOKIE, OidcCookie

PATH = "/api/v1/auth/oidc"
# Bounded so that the longest URL they allow, every character percent-encoded UTF-8, fits
# the 16 KiB request head (bounded_http); providers' codes are a few hundred characters.
CodeParam = Annotated[str, QueryParameter(max_length=900)]
ProviderError = Annotated[str | None, QueryParameter(name="error", max_length=100)]
StateParam = Annotated[str, QueryParameter(name="state", max_length=100)]  # Litestar's name


def callback_url(settings: Settings, path: str) -> str:
    return f"{settings.app_url.rstrip('/')}{path}/callback"


class OidcController(Controller):
    """Limited per IP, as the other sign-in endpoints are; 404 while OIDC_* is unset."""

    path = "/oidc"
    tags = ["auth"]

    @get("/start", status_code=HTTP_302_FOUND,
         description="302 to the identity provider's sign-in, with a short-lived signed "
                     "HttpOnly cookie that binds the sign-in to this browser (10 minutes, "
                     "once). 404 when no provider is configured; 503 when it cannot be "
                     "reached.")
    async def start(self, start: FromDishka[StartOidcSignIn], cookie: FromDishka[OidcCookie],
                    settings: FromDishka[Settings]) -> Redirect:
        started = await start(callback_url(settings, PATH))
        response = Redirect(started.authorization_url, status_code=HTTP_302_FOUND)
        cookie.keep(response, started.pending, PATH)
        return response

    @get("/callback", description="Where the provider sends the browser back: 200 TokenPair "
                                  "for the account of the provider's verified e-mail (the "
                                  "same account its magic link signs in to). 400 for a "
                                  "state this browser did not start, already used or older "
                                  "than 10 minutes; 401 when the provider reports an error or "
                                  "its ID token or e-mail is refused; 403 for a blocked "
                                  "account.")
    async def callback(self, request: Request[Any, Any, Any], ip: FromDishka[ClientIp],
                       finish: FromDishka[FinishOidcSignIn], cookie: FromDishka[OidcCookie],
                       settings: FromDishka[Settings], returned_state: StateParam = "",
                       code: CodeParam = "", error: ProviderError = None) -> Response[TokenPairOut]:
        pair = await finish(FinishOidcSignInRequest(
            pending=cookie.open(request.cookies.get(COOKIE)), state=returned_state, code=code,
            error=error, redirect_uri=callback_url(settings, PATH), ip=ip))
        response = Response(TokenPairOut.of(pair))
        cookie.forget(response, PATH)
        return response
