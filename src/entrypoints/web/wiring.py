"""What the page's handlers get from dishka: the browser's session (with the balance the top
bar shows, on pages read with GET) and the views that render whole pages."""

from __future__ import annotations

from dataclasses import replace

from dishka import Provider, Scope, provide
from litestar import Request

from application.auth.authenticate import Authenticate
from application.auth.refresh_session import RefreshSession
from application.billing.get_balance import GetBalance
from entrypoints.config import Settings
from entrypoints.http.identity import client_ip
from entrypoints.web.admin_pages import AdminView
from entrypoints.web.credits_pages import CreditsView
from entrypoints.web.document_view import DocumentView
from entrypoints.web.session import WebSession, read_session


class WebProvider(Provider):
    scope = Scope.REQUEST
    document_view = provide(DocumentView)
    credits_view = provide(CreditsView)
    admin_view = provide(AdminView)

    @provide
    async def session(self, request: Request,  # type: ignore[type-arg]
                      authenticate: Authenticate, refresh: RefreshSession,
                      balance: GetBalance, settings: Settings) -> WebSession:
        session = await read_session(request, authenticate, refresh, client_ip(request),
                                     secure=settings.is_production)
        if session.user is None or request.method != "GET":
            return session
        return replace(session, credits=(await balance(session.user.id)).credits)
