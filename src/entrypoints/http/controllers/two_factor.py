from __future__ import annotations

from dishka.integrations.litestar import FromDishka
from litestar import Controller, delete, get, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from application.two_factor.confirm import ConfirmRequest, ConfirmSecondFactor
from application.two_factor.disable import DisableRequest, DisableSecondFactor
from application.two_factor.enrol import EnrolSecondFactor
from application.two_factor.status import GetSecondFactorStatus
from application.two_factor.verify import VerifyRequest, VerifySecondFactor
from entrypoints.http.auth_schemas import TokenPairOut
from entrypoints.http.identity import ClientIp, CurrentUser
from entrypoints.http.two_factor_schemas import (
    CodeIn,
    EnrolmentOut,
    RecoveryCodesOut,
    SecondFactorStatusOut,
)


class TwoFactorController(Controller):
    """The signed-in user's second factor (TOTP). Admins need it for the admin role where
    ADMIN_2FA_REQUIRED is on."""

    path = "/2fa"
    tags = ["auth"]

    @get(description="Whether the second factor is on, and how many recovery codes are "
                     "left.")
    async def status(self, user: FromDishka[CurrentUser],
                     status: FromDishka[GetSecondFactorStatus]) -> SecondFactorStatusOut:
        return SecondFactorStatusOut.of(await status(user.id))

    @post("/enrol", status_code=HTTP_200_OK,
          description="Starts enrolment: a new secret and its otpauth:// URI. Nothing is on "
                      "until `confirm`; refused (409) while a factor is on.")
    async def enrol(self, user: FromDishka[CurrentUser],
                    enrol: FromDishka[EnrolSecondFactor]) -> EnrolmentOut:
        return EnrolmentOut.of(await enrol(user))

    @post("/confirm", status_code=HTTP_200_OK,
          description="Switches the factor on with a first code from the app; answers the "
                      "ten recovery codes, shown only this once. At most 5 wrong codes in "
                      "15 minutes (then 429).")
    async def confirm(self, data: JSONBody[CodeIn], user: FromDishka[CurrentUser],
                      ip: FromDishka[ClientIp],
                      confirm: FromDishka[ConfirmSecondFactor]) -> RecoveryCodesOut:
        codes = await confirm(ConfirmRequest(user_id=user.id, code=data.code, ip=ip))
        return RecoveryCodesOut(recovery_codes=codes)

    @post("/verify", status_code=HTTP_200_OK,
          description="Passes the second factor with an app code (each once) or a recovery "
                      "code (each once): a new token pair whose session carries it, refreshes "
                      "included. At most 5 wrong codes in 15 minutes (then 429).")
    async def verify(self, data: JSONBody[CodeIn], user: FromDishka[CurrentUser],
                     ip: FromDishka[ClientIp],
                     verify: FromDishka[VerifySecondFactor]) -> TokenPairOut:
        return TokenPairOut.of(await verify(VerifyRequest(user_id=user.id, code=data.code,
                                                          ip=ip)))

    @delete(status_code=HTTP_204_NO_CONTENT,
            description="Switches the factor off, proven by an app or recovery code.")
    async def disable(self, data: JSONBody[CodeIn], user: FromDishka[CurrentUser],
                      ip: FromDishka[ClientIp],
                      disable: FromDishka[DisableSecondFactor]) -> None:
        await disable(DisableRequest(user_id=user.id, code=data.code, ip=ip))
