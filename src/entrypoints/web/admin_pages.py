"""The admin page: the service's figures, the users (block, unblock, change credits) and the
audit log, through the admin use cases, which refuse anyone who is not an admin (a 403
page). A credit change is checked by the API's own `CreditsIn`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, Parameter
from litestar.response import Template

from application.admin.adjust_credits import AdjustCredits, CreditAdjustment
from application.admin.block_user import BlockUser
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.admin.unblock_user import UnblockUser
from domain.errors import DomainError, InvalidInput, PermissionDenied
from domain.ids import UserId
from domain.pages import PageRequest
from domain.users import User
from entrypoints.http.billing_schemas import CreditsIn
from entrypoints.http.errors import status_of
from entrypoints.http.identity import ClientIp
from entrypoints.web.flow import attempt, page, signed_in
from entrypoints.web.session import WebSession

PER_PAGE = 20
Offset = Annotated[int, Parameter(ge=0, le=10_000)]
FormFields = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]


class AdminView:
    """The admin page as the caller may see it; for anyone but an admin, the 403 page."""

    def __init__(self, stats: GetServiceStats, users: ListUsers, audit: ListAuditLog) -> None:
        self._stats, self._users, self._audit = stats, users, audit

    async def page(self, session: WebSession, users_at: int = 0, audit_at: int = 0, *,
                   error: DomainError | None = None) -> Template:
        actor = session.user
        assert actor is not None
        try:
            stats = await self._stats(actor)
        except PermissionDenied:
            return page(session, "forbidden.html.j2", 403)
        return page(session, "admin.html.j2", 200 if error is None else status_of(error),
                    stats=stats, per_page=PER_PAGE,
                    users=await self._users(actor, PageRequest(PER_PAGE, users_at)),
                    audit=await self._audit(actor, PageRequest(PER_PAGE, audit_at)),
                    error=None if error is None else error.message)

    async def after(self, session: WebSession,
                    act: Callable[[User], Awaitable[object]]) -> Response[Any]:
        """`act` done by the signed-in caller, then the admin page again (with the problem
        in a banner when it was refused)."""
        return await attempt(session, act, then=lambda _: "/admin",
                             again=lambda error: self.page(session, error=error))


def _credit_change(user_id: UUID, data: dict[str, str]) -> CreditAdjustment:
    try:
        change = msgspec.convert({"amount": data.get("amount", ""),
                                  "reason": data.get("reason", "")}, CreditsIn, strict=False)
    except msgspec.ValidationError as error:
        raise InvalidInput(f"The credit change is not valid: {error}.", field="amount") from None
    return CreditAdjustment(user_id=UserId(user_id), amount=change.amount, reason=change.reason)


class AdminPagesController(Controller):
    path = "/admin"
    include_in_schema = False

    @get("/")
    async def admin(self, session: FromDishka[WebSession], view: FromDishka[AdminView],
                    users: Offset = 0, audit: Offset = 0) -> Response[Any]:
        signed_in(session)
        return session.keep(await view.page(session, users, audit))

    @post("/users/{user_id:uuid}/block")
    async def block(self, user_id: FromPath[UUID], session: FromDishka[WebSession],
                    ip: FromDishka[ClientIp], block: FromDishka[BlockUser],
                    view: FromDishka[AdminView]) -> Response[Any]:
        return await view.after(session, lambda actor: block(actor, UserId(user_id), ip=ip))

    @post("/users/{user_id:uuid}/unblock")
    async def unblock(self, user_id: FromPath[UUID], session: FromDishka[WebSession],
                      ip: FromDishka[ClientIp], unblock: FromDishka[UnblockUser],
                      view: FromDishka[AdminView]) -> Response[Any]:
        return await view.after(session, lambda actor: unblock(actor, UserId(user_id), ip=ip))

    @post("/users/{user_id:uuid}/credits")
    async def credits(self, user_id: FromPath[UUID], data: FormFields,
                      session: FromDishka[WebSession], ip: FromDishka[ClientIp],
                      adjust: FromDishka[AdjustCredits],
                      view: FromDishka[AdminView]) -> Response[Any]:
        async def change(actor: User) -> object:
            return await adjust(actor, _credit_change(user_id, data), ip=ip)
        return await view.after(session, change)
