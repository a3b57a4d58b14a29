"""The account page: the name title pages print, a download of every piece of data held
about the user (the API's own GDPR export), signing out everywhere, and deleting the
account, which asks for the e-mail address typed again so that it is never one click."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect

from application.auth.delete_account import DeleteAccount
from application.auth.export_my_data import ExportMyData
from application.auth.logout_all import LogoutAll, LogoutAllRequest
from application.auth.update_profile import UpdateProfile, UpdateProfileRequest
from domain.errors import DomainError, InvalidInput
from entrypoints.http.controllers.exports import attachment
from entrypoints.http.errors import status_of
from entrypoints.http.identity import ClientIp
from entrypoints.http.personal_data_schemas import PersonalDataOut
from entrypoints.web.flow import attempt, page, signed_in
from entrypoints.web.i18n import N_
from entrypoints.web.session import WebSession, end_session

FormFields = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
NOT_CONFIRMED = N_("Type your e-mail address exactly as shown to delete the account.")


async def _account(session: WebSession, error: DomainError | None = None) -> Any:
    return page(session, "account.html.j2", 200 if error is None else status_of(error),
                error=None if error is None else error.message)


class AccountPagesController(Controller):
    path = "/account"
    include_in_schema = False

    @get("/")
    async def account(self, session: FromDishka[WebSession]) -> Response[Any]:
        signed_in(session)
        return session.keep(await _account(session))

    @post("/name")
    async def rename(self, data: FormFields, session: FromDishka[WebSession],
                     ip: FromDishka[ClientIp], update: FromDishka[UpdateProfile]) -> Response[Any]:
        return await attempt(session, lambda user: update(UpdateProfileRequest(
            user_id=user.id, display_name=data.get("display_name", ""), ip=ip)),
                             then=lambda _: "/account?saved=1",
                             again=lambda error: _account(session, error))

    @get("/export")
    async def export(self, session: FromDishka[WebSession],
                     export: FromDishka[ExportMyData]) -> Response[Any]:
        user = signed_in(session)
        data = msgspec.json.encode(PersonalDataOut.of(await export(user.id)))
        return session.keep(Response(data, media_type="application/json", headers={
            "Content-Disposition": attachment("tesigo-my-data.json", "tesigo-my-data.json"),
            "Cache-Control": "private, no-store"}))

    @post("/sign-out-everywhere")
    async def sign_out_everywhere(self, session: FromDishka[WebSession],
                                  ip: FromDishka[ClientIp],
                                  logout_all: FromDishka[LogoutAll]) -> Response[Any]:
        user = signed_in(session)
        await logout_all(LogoutAllRequest(user_id=user.id, ip=ip))
        return end_session(Redirect("/"))

    @post("/delete")
    async def delete(self, data: FormFields, session: FromDishka[WebSession],
                     erase: FromDishka[DeleteAccount]) -> Response[Any]:
        user = signed_in(session)
        if data.get("confirm", "").strip().lower() != str(user.email).lower():
            return session.keep(await _account(session, InvalidInput(NOT_CONFIRMED,
                                                                     field="confirm")))
        await erase(user.id)
        return end_session(Redirect("/?deleted=1"))
