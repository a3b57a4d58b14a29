from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from application.billing.get_balance import GetBalance
from application.billing.get_receipt import GetReceipt
from application.billing.list_payments import ListPayments
from application.billing.policy import BillingPolicy
from application.billing.start_checkout import StartCheckout
from application.idempotency.idempotent_call import IdempotentCall
from domain.idempotency import StoredResponse
from domain.ids import PaymentId
from domain.pages import PageRequest
from entrypoints.http.billing_schemas import (
    BalanceOut,
    CheckoutIn,
    CheckoutOut,
    PackageOut,
    PaymentOut,
)
from entrypoints.http.idempotency import answer_once
from entrypoints.http.identity import CurrentUser
from entrypoints.http.paging import Limit, Offset


class BillingController(Controller):
    path = "/api/v1/billing"
    tags = ["billing"]

    @get("/balance")
    async def balance(self, user: FromDishka[CurrentUser],
                      get_balance: FromDishka[GetBalance]) -> BalanceOut:
        return BalanceOut.of(await get_balance(user.id))

    @get("/packages")
    async def packages(self, user: FromDishka[CurrentUser],
                       policy: FromDishka[BillingPolicy]) -> list[PackageOut]:
        return [PackageOut.of(pack) for pack in policy.packs]

    @post("/checkout", status_code=HTTP_201_CREATED,
          responses={HTTP_201_CREATED: ResponseSpec(CheckoutOut, description="The payment "
                                                    "opened and its Checkout page.")},
          description="Opens a payment for a credit pack and a Stripe Checkout page for it. "
                      "Honours `Idempotency-Key`. 503 when payments are not configured.")
    async def checkout(self, request: Request[Any, Any, Any], data: JSONBody[CheckoutIn],
                       user: FromDishka[CurrentUser], start: FromDishka[StartCheckout],
                       idempotent: FromDishka[IdempotentCall]) -> Response[bytes]:
        async def work() -> StoredResponse:
            checkout = await start(user.id, data.package_id)
            out = CheckoutOut(payment_id=checkout.payment_id, checkout_url=checkout.checkout_url)
            return StoredResponse(status=HTTP_201_CREATED, body=msgspec.json.encode(out))

        return await answer_once(request, user.id, idempotent, work)

    @get("/payments/{payment_id:uuid}/receipt", media_type="application/pdf",
         responses={HTTP_200_OK: ResponseSpec(bytes, media_type="application/pdf",
                                              description="The receipt, as a PDF.")},
         description="The PDF receipt of one of the caller's payments that succeeded (a "
                     "refunded one's says so). Another user's payment or an unknown id: 404; "
                     "a payment still pending or failed: 409.")
    async def receipt(self, payment_id: FromPath[UUID], user: FromDishka[CurrentUser],
                      get_receipt: FromDishka[GetReceipt]) -> Response[bytes]:
        pdf = await get_receipt(user.id, PaymentId(payment_id))
        name = f"tesigo-receipt-{payment_id}.pdf"
        return Response(pdf, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}"',
                                 "Cache-Control": "private, no-store"})

    @get("/payments", description="The caller's payments, newest first.")
    async def payments(self, user: FromDishka[CurrentUser], list_payments: FromDishka[ListPayments],
                       limit: FromQuery[Limit] = 50, offset: FromQuery[Offset] = 0,
                       ) -> list[PaymentOut]:
        page = await list_payments(user.id, PageRequest(limit=limit, offset=offset))
        return [PaymentOut.of(payment) for payment in page.items]
