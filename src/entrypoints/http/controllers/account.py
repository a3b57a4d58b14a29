from __future__ import annotations

from dishka.integrations.litestar import FromDishka
from litestar import Controller, delete, get, patch, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT
from msgspec import UnsetType

from application.auth.delete_account import DeleteAccount
from application.auth.export_my_data import ExportMyData
from application.auth.logout_all import LogoutAll, LogoutAllRequest
from application.auth.update_profile import UpdateProfile, UpdateProfileRequest
from entrypoints.http.auth_schemas import ProfileIn, UserOut
from entrypoints.http.identity import ClientIp, CurrentUser
from entrypoints.http.personal_data_schemas import PersonalDataOut


class AccountController(Controller):
    """The signed-in user's own account."""

    tags = ["auth"]

    @get("/me")
    async def me(self, user: FromDishka[CurrentUser]) -> UserOut:
        return UserOut.of(user)

    @patch("/me")
    async def update_profile(self, data: JSONBody[ProfileIn], user: FromDishka[CurrentUser],
                             ip: FromDishka[ClientIp],
                             update: FromDishka[UpdateProfile]) -> UserOut:
        if isinstance(data.display_name, UnsetType):
            return UserOut.of(user)
        return UserOut.of(await update(UpdateProfileRequest(
            user_id=user.id, display_name=data.display_name, ip=ip)))

    @get("/me/export")
    async def export(self, user: FromDishka[CurrentUser],
                     export: FromDishka[ExportMyData]) -> PersonalDataOut:
        return PersonalDataOut.of(await export(user.id))

    @delete("/me", status_code=HTTP_204_NO_CONTENT)
    async def erase(self, user: FromDishka[CurrentUser],
                    erase: FromDishka[DeleteAccount]) -> None:
        await erase(user.id)

    @post("/logout-all", status_code=HTTP_204_NO_CONTENT)
    async def logout_all(self, user: FromDishka[CurrentUser], ip: FromDishka[ClientIp],
                         logout_all: FromDishka[LogoutAll]) -> None:
        await logout_all(LogoutAllRequest(user_id=user.id, ip=ip))
