from __future__ import annotations

from dishka.integrations.litestar import FromDishka
from litestar import Controller, delete, get, post
from litestar.status_codes import HTTP_204_NO_CONTENT

from application.auth.delete_account import DeleteAccount
from application.auth.export_my_data import ExportMyData
from application.auth.logout_all import LogoutAll, LogoutAllRequest
from entrypoints.http.auth_schemas import UserOut
from entrypoints.http.document_schemas import DocumentOut
from entrypoints.http.identity import ClientIp, CurrentUser
from entrypoints.http.schema_base import Strict


class PersonalDataOut(Strict, kw_only=True, frozen=True):
    user: UserOut
    documents: list[DocumentOut]


class AccountController(Controller):
    """The signed-in user's own account."""

    tags = ["auth"]

    @get("/me")
    async def me(self, user: FromDishka[CurrentUser]) -> UserOut:
        return UserOut.of(user)

    @get("/me/export")
    async def export(self, user: FromDishka[CurrentUser],
                     export: FromDishka[ExportMyData]) -> PersonalDataOut:
        data = await export(user.id)
        return PersonalDataOut(user=UserOut.of(data.user),
                               documents=[DocumentOut.of(d) for d in data.documents])

    @delete("/me", status_code=HTTP_204_NO_CONTENT)
    async def erase(self, user: FromDishka[CurrentUser],
                    erase: FromDishka[DeleteAccount]) -> None:
        await erase(user.id)

    @post("/logout-all", status_code=HTTP_204_NO_CONTENT)
    async def logout_all(self, user: FromDishka[CurrentUser], ip: FromDishka[ClientIp],
                         logout_all: FromDishka[LogoutAll]) -> None:
        await logout_all(LogoutAllRequest(user_id=user.id, ip=ip))
