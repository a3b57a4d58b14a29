"""What the page's handlers get from dishka: the browser's session and the document view."""

from __future__ import annotations

from dishka import Provider, Scope, provide
from litestar import Request

from application.auth.authenticate import Authenticate
from application.auth.refresh_session import RefreshSession
from entrypoints.config import Settings
from entrypoints.http.identity import client_ip
from entrypoints.web.admin_pages import AdminView
from entrypoints.web.credits_pages import CreditsView
from entrypoints.web.document_pages import DocumentView
from entrypoints.web.session import WebSession, read_session


class WebProvider(Provider):
    scope = Scope.REQUEST
    document_view = provide(DocumentView)
    credits_view = provide(CreditsView)
    admin_view = provide(AdminView)

    @provide
    async def session(self, request: Request,  # type: ignore[type-arg]
                      authenticate: Authenticate, refresh: RefreshSession,
                      settings: Settings) -> WebSession:
        return await read_session(request, authenticate, refresh, client_ip(request),
                                  secure=settings.is_production)
