from __future__ import annotations

from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK

from application.admin.adjust_credits import AdjustCredits, CreditAdjustment
from domain.ids import UserId
from entrypoints.http.billing_schemas import BalanceOut, CreditsIn
from entrypoints.http.identity import ClientIp, CurrentUser


class AdminController(Controller):
    """Role admin only; everyone else gets 403."""

    path = "/api/v1/admin"
    tags = ["admin"]

    @post("/users/{user_id:uuid}/credits", status_code=HTTP_200_OK,
          description="Grants (positive `amount`) or removes (negative) credits, with a "
                      "reason; recorded in the ledger and the audit log.")
    async def credits(self, user_id: FromPath[UUID], data: JSONBody[CreditsIn],
                      user: FromDishka[CurrentUser], ip: FromDishka[ClientIp],
                      adjust: FromDishka[AdjustCredits]) -> BalanceOut:
        balance = await adjust(user, CreditAdjustment(user_id=UserId(user_id),
                                                      amount=data.amount, reason=data.reason),
                               ip=ip)
        return BalanceOut.of(balance)
