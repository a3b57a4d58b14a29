"""The credits page: the balance, the packs with a "Buy" button each (which opens Stripe
Checkout through StartCheckout, as the API's checkout does) and the payment history."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, Parameter
from litestar.response import Template

from application.billing.get_balance import GetBalance
from application.billing.list_payments import ListPayments
from application.billing.policy import BillingPolicy
from application.billing.start_checkout import StartCheckout
from domain.errors import DomainError
from domain.pages import PageRequest
from entrypoints.http.errors import status_of
from entrypoints.web.flow import attempt, page, signed_in
from entrypoints.web.session import WebSession

PER_PAGE = 20


class BuyForm(msgspec.Struct, frozen=True):
    package_id: str = ""


class CreditsView:
    """The credits page with the caller's balance, the packs and a page of payments."""

    def __init__(self, balance: GetBalance, payments: ListPayments,
                 policy: BillingPolicy) -> None:
        self._balance, self._payments, self._policy = balance, payments, policy

    async def page(self, session: WebSession, offset: int = 0, *,
                   error: DomainError | None = None) -> Template:
        assert session.user is not None
        payments = await self._payments(session.user.id,
                                        PageRequest(limit=PER_PAGE, offset=offset))
        return page(session, "credits.html.j2", 200 if error is None else status_of(error),
                    per_page=PER_PAGE, account=await self._balance(session.user.id),
                    packs=self._policy.packs, payments=payments,
                    error=None if error is None else error.message)


class CreditsPagesController(Controller):
    path = "/credits"
    include_in_schema = False

    @get("/")
    async def credits(self, session: FromDishka[WebSession], view: FromDishka[CreditsView],
                      offset: Annotated[int, Parameter(ge=0, le=10_000)] = 0,
                      ) -> Response[Any]:
        signed_in(session)
        return session.keep(await view.page(session, offset))

    @post("/buy")
    async def buy(self, data: Annotated[BuyForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
                  session: FromDishka[WebSession], start: FromDishka[StartCheckout],
                  view: FromDishka[CreditsView]) -> Response[Any]:
        return await attempt(session, lambda user: start(user.id, data.package_id),
                             then=lambda checkout: checkout.checkout_url,
                             again=lambda error: view.page(session, error=error))
