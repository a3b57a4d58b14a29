from __future__ import annotations

from datetime import datetime

from dishka.integrations.litestar import FromDishka
from litestar import Controller, get

from application.billing.get_balance import GetBalance
from entrypoints.http.identity import CurrentUser
from entrypoints.http.schema_base import Strict


class BalanceOut(Strict, kw_only=True, frozen=True):
    credits: int
    reserved: int
    daily_limit: int
    used_today: int
    resets_at: datetime


class BillingController(Controller):
    path = "/api/v1/billing"
    tags = ["billing"]

    @get("/balance")
    async def balance(self, user: FromDishka[CurrentUser],
                      get_balance: FromDishka[GetBalance]) -> BalanceOut:
        b = await get_balance(user.id)
        return BalanceOut(credits=b.credits, reserved=b.reserved, daily_limit=b.daily_limit,
                          used_today=b.used_today, resets_at=b.resets_at)
