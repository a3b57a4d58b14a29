from __future__ import annotations

from typing import Any

import structlog
from dishka import AsyncContainer
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, post
from litestar.background_tasks import BackgroundTask
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from application.auth.logout import Logout, LogoutRequest
from application.auth.refresh_session import RefreshRequest, RefreshSession
from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.auth.verify_magic_link import VerifyMagicLink, VerifyMagicLinkRequest
from entrypoints.http.auth_schemas import (
    DetailOut,
    MagicLinkIn,
    RefreshIn,
    TokenPairOut,
    VerifyIn,
)
from entrypoints.http.identity import ClientIp
from entrypoints.mail_delivery import deliver_outbox

log = structlog.get_logger("tesigo.mail")
SENT = "If the address can sign in, a sign-in link is on its way. It expires in 10 minutes."


async def deliver_mail_now(container: AsyncContainer) -> None:
    """Send the outbox right after the answer went out; the worker retries what fails."""
    try:
        await deliver_outbox(container)
    except Exception:  # the worker will deliver it later; never lose the log line
        log.exception("immediate e-mail delivery failed; the worker will retry")


class SignInController(Controller):
    """Sign-in by e-mail link and the session tokens. Limited per IP."""

    tags = ["auth"]

    @post("/magic-link", status_code=HTTP_202_ACCEPTED)
    async def request_link(self, data: JSONBody[MagicLinkIn], request: Request[Any, Any, Any],
                           send: FromDishka[RequestMagicLink]) -> Response[DetailOut]:
        await send(MagicLinkRequest(email=data.email))
        container: AsyncContainer = request.app.state.dishka_container
        return Response(DetailOut(detail=SENT), status_code=HTTP_202_ACCEPTED,
                        background=BackgroundTask(deliver_mail_now, container))

    @post("/verify-magic-link", status_code=HTTP_200_OK)
    async def verify(self, data: JSONBody[VerifyIn], ip: FromDishka[ClientIp],
                     verify: FromDishka[VerifyMagicLink]) -> TokenPairOut:
        return TokenPairOut.of(await verify(VerifyMagicLinkRequest(token=data.token, ip=ip)))

    @post("/refresh", status_code=HTTP_200_OK)
    async def refresh(self, data: JSONBody[RefreshIn], ip: FromDishka[ClientIp],
                      refresh: FromDishka[RefreshSession]) -> TokenPairOut:
        return TokenPairOut.of(await refresh(RefreshRequest(refresh_token=data.refresh_token,
                                                            ip=ip)))

    @post("/logout", status_code=HTTP_204_NO_CONTENT)
    async def logout(self, data: JSONBody[RefreshIn], logout: FromDishka[Logout]) -> None:
        await logout(LogoutRequest(refresh_token=data.refresh_token))
