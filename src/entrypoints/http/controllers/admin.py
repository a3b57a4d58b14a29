from __future__ import annotations

from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_200_OK

from application.admin.adjust_credits import AdjustCredits, CreditAdjustment
from application.admin.block_user import BlockUser
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.admin.unblock_user import UnblockUser
from domain.ids import UserId
from domain.pages import PageRequest
from entrypoints.http.admin_schemas import AuditPageOut, StatsOut, UserPageOut
from entrypoints.http.auth_schemas import UserOut
from entrypoints.http.billing_schemas import BalanceOut, CreditsIn
from entrypoints.http.identity import ClientIp, CurrentUser
from entrypoints.http.paging import Limit, Offset


class AdminController(Controller):
    """Role admin only; everyone else gets 403."""

    path = "/api/v1/admin"
    tags = ["admin"]

    @get("/stats", description="Users, documents, jobs by state, the service-wide tokens "
                               "used today (UTC) and revenue per currency in minor units.")
    async def stats(self, user: FromDishka[CurrentUser],
                    get_stats: FromDishka[GetServiceStats]) -> StatsOut:
        return StatsOut.of(await get_stats(user))

    @get("/users", description="Every user, newest first, with `blocked` and `credits`.")
    async def users(self, user: FromDishka[CurrentUser], list_users: FromDishka[ListUsers],
                    limit: FromQuery[Limit] = 20, offset: FromQuery[Offset] = 0,
                    ) -> UserPageOut:
        return UserPageOut.of(await list_users(user, PageRequest(limit=limit, offset=offset)))

    @post("/users/{user_id:uuid}/block", status_code=HTTP_200_OK,
          description="Blocks the account: its access and refresh tokens stop working and "
                      "it cannot sign in. Blocking a blocked account changes nothing. An "
                      "admin cannot block their own account (422).")
    async def block(self, user_id: FromPath[UUID], user: FromDishka[CurrentUser],
                    ip: FromDishka[ClientIp], block: FromDishka[BlockUser]) -> UserOut:
        return UserOut.of(await block(user, UserId(user_id), ip=ip))

    @post("/users/{user_id:uuid}/unblock", status_code=HTTP_200_OK,
          description="Lifts a block; the owner signs in anew. Changes nothing when the "
                      "account is not blocked.")
    async def unblock(self, user_id: FromPath[UUID], user: FromDishka[CurrentUser],
                      ip: FromDishka[ClientIp], unblock: FromDishka[UnblockUser]) -> UserOut:
        return UserOut.of(await unblock(user, UserId(user_id), ip=ip))

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

    @get("/audit-log", description="Security and admin events, newest first; `actor_id` is "
                                   "null once the actor's account is erased.")
    async def audit_log(self, user: FromDishka[CurrentUser],
                        list_audit_log: FromDishka[ListAuditLog],
                        limit: FromQuery[Limit] = 20, offset: FromQuery[Offset] = 0,
                        ) -> AuditPageOut:
        return AuditPageOut.of(await list_audit_log(user, PageRequest(limit=limit,
                                                                      offset=offset)))
