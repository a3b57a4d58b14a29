"""The pages a person signs in and finds their documents with. Thin: each handler reads the
session, calls the use case the JSON API calls, and renders a template."""

from __future__ import annotations

from contextlib import suppress
from typing import Annotated, Any

import msgspec
from dishka import AsyncContainer
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.enums import RequestEncodingType
from litestar.params import Body, Parameter
from litestar.response import Redirect, Template

from application.auth.logout import Logout, LogoutRequest
from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.auth.verify_magic_link import VerifyMagicLink, VerifyMagicLinkRequest
from application.documents.list_documents import ListDocuments
from domain.errors import DomainError, InvalidInput
from domain.pages import PageRequest
from entrypoints.http.controllers.sign_in import deliver_mail_now
from entrypoints.http.identity import ClientIp
from entrypoints.web.flow import page, signed_in
from entrypoints.web.i18n import INTERFACE_LANGUAGES, LANGUAGE_COOKIE, N_
from entrypoints.web.session import (
    REFRESH,
    WebSession,
    end_session,
    session_cookies,
)

PER_PAGE = 20


class SignInForm(msgspec.Struct, frozen=True):
    email: str = ""


Form = Annotated[SignInForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
LANGUAGE_KEPT = 365 * 24 * 3600


class LanguageForm(msgspec.Struct, frozen=True):
    language: str = ""
    next: str = "/"


def _local(path: str) -> str:
    """`path` when it is a path on this site, else the start page (no open redirect)."""
    if path.startswith("/") and not path.startswith(("//", "/\\")) and "\\" not in path \
            and path.isprintable() \
            and len(path) <= 2000:
        return path
    return "/"


class SignInPagesController(Controller):
    """The sign-in form and the e-mailed link, limited per IP as the API's sign-in is."""

    include_in_schema = False

    @post("/sign-in")
    async def sign_in(self, request: Request[Any, Any, Any], data: Form,
                      send: FromDishka[RequestMagicLink]) -> Template:
        try:
            await send(MagicLinkRequest(email=data.email))
        except InvalidInput:
            return Template("sign_in.html.j2", status_code=422, context={
                "email": data.email, "error": N_("Enter a valid e-mail address.")})
        container: AsyncContainer = request.app.state.dishka_container
        return Template("check_email.html.j2", context={"email": data.email.strip()},
                        background=BackgroundTask(deliver_mail_now, container))

    @get("/auth/verify")
    async def verify(self, ip: FromDishka[ClientIp], verify: FromDishka[VerifyMagicLink],
                     session: FromDishka[WebSession],
                     token: Annotated[str, Parameter(max_length=200)] = "") -> Response[Any]:
        try:
            pair = await verify(VerifyMagicLinkRequest(token=token, ip=ip))
        except DomainError:
            return Template("sign_in.html.j2", status_code=400, context={
                "email": "", "error": N_("This sign-in link is not valid any more. Ask "
                                         "for a new one below.")})
        response: Response[Any] = Redirect("/documents")
        for cookie in session_cookies(pair, secure=session.secure):
            response.set_cookie(cookie)
        return response


class PagesController(Controller):
    include_in_schema = False

    @get("/")
    async def home(self, session: FromDishka[WebSession]) -> Response[Any]:
        if session.user is not None:
            return session.keep(Redirect("/documents"))
        return Template("sign_in.html.j2", context={"email": "", "error": None})

    @get("/documents")
    async def documents(self, session: FromDishka[WebSession],
                        documents: FromDishka[ListDocuments],
                        offset: Annotated[int, Parameter(ge=0, le=10_000)] = 0,
                        ) -> Response[Any]:
        user = signed_in(session)
        found = await documents(user.id, PageRequest(limit=PER_PAGE, offset=offset))
        return session.keep(page(session, "documents.html.j2", page=found, per_page=PER_PAGE))

    @post("/language")
    async def language(self, data: Annotated[LanguageForm, Body(
                           media_type=RequestEncodingType.URL_ENCODED)],
                       session: FromDishka[WebSession]) -> Response[Any]:
        """The "Interface language" select: remembered for a year; back to the same page."""
        response: Response[Any] = Redirect(_local(data.next))
        if data.language in INTERFACE_LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, data.language, max_age=LANGUAGE_KEPT,
                                path="/", httponly=True, secure=session.secure,
                                samesite="lax")
        return session.keep(response)

    @post("/sign-out")
    async def sign_out(self, request: Request[Any, Any, Any],
                       logout: FromDishka[Logout]) -> Response[Any]:
        if token := request.cookies.get(REFRESH):
            # A session that already ended: the browser forgets it all the same.
            with suppress(DomainError):
                await logout(LogoutRequest(refresh_token=token))
        return end_session(Redirect("/"))
