"""Who is calling: the bearer token of the request, resolved to a user by dishka."""

from __future__ import annotations

from typing import Any, NewType

from dishka import Provider, Scope, provide
from litestar import Request

from application.auth.authenticate import Authenticate
from domain.errors import NotAuthenticated
from domain.users import User

CurrentUser = NewType("CurrentUser", User)
ClientIp = NewType("ClientIp", str)


def bearer_token(request: Request[Any, Any, Any]) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("A bearer access token is required.")
    return token.strip()


def client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


class IdentityProvider(Provider):
    scope = Scope.REQUEST

    @provide
    async def current_user(self, request: Request,  # type: ignore[type-arg]
                           authenticate: Authenticate) -> CurrentUser:
        return CurrentUser(await authenticate(bearer_token(request)))

    @provide
    def ip(self, request: Request) -> ClientIp:  # type: ignore[type-arg]
        return ClientIp(client_ip(request))
