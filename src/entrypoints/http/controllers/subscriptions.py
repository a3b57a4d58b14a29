from __future__ import annotations

from typing import Any

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from application.billing.get_subscription import GetSubscription
from application.billing.open_portal import OpenPortal
from application.billing.policy import BillingPolicy
from application.billing.set_cancellation import SetCancellation
from application.billing.subscribe import Subscribe
from application.idempotency.idempotent_call import IdempotentCall
from domain.idempotency import StoredResponse
from entrypoints.http.idempotency import answer_once
from entrypoints.http.identity import CurrentUser
from entrypoints.http.subscription_schemas import (
    PlanOut,
    PortalOut,
    SubscribeIn,
    SubscribeOut,
    SubscriptionOut,
)


class SubscriptionsController(Controller):
    path = "/api/v1/billing"
    tags = ["billing"]

    @get("/plans", description="The monthly plans on sale.")
    async def plans(self, user: FromDishka[CurrentUser],
                    policy: FromDishka[BillingPolicy]) -> list[PlanOut]:
        return [PlanOut.of(plan) for plan in policy.plans if plan.price_id(policy.provider)]

    @post("/subscribe", status_code=HTTP_201_CREATED,
          responses={HTTP_201_CREATED: ResponseSpec(SubscribeOut, description="The page "
                                                    "where the caller subscribes.")},
          description="Opens the payment provider's page to subscribe to a plan; the "
                      "subscription exists once its first payment is through. Honours "
                      "`Idempotency-Key`. 409 while the caller has a live subscription; 503 "
                      "when payments are not configured.")
    async def subscribe(self, request: Request[Any, Any, Any], data: JSONBody[SubscribeIn],
                        user: FromDishka[CurrentUser], subscribe: FromDishka[Subscribe],
                        idempotent: FromDishka[IdempotentCall]) -> Response[bytes]:
        async def work() -> StoredResponse:
            opened = await subscribe(user.id, data.plan_id)
            out = SubscribeOut(plan_id=opened.plan_id, checkout_url=opened.checkout_url)
            return StoredResponse(status=HTTP_201_CREATED, body=msgspec.json.encode(out))

        return await answer_once(request, user.id, idempotent, work)

    @get("/subscription", description="The caller's live subscription, or their last one; "
                                      "404 if they never subscribed.")
    async def subscription(self, user: FromDishka[CurrentUser],
                           get_subscription: FromDishka[GetSubscription]) -> SubscriptionOut:
        return SubscriptionOut.of(await get_subscription(user.id))

    @post("/subscription/cancel", status_code=HTTP_200_OK,
          description="Ends the caller's subscription when its current period ends (the "
                      "period stays paid). 404 without a live subscription.")
    async def cancel(self, user: FromDishka[CurrentUser],
                     cancellation: FromDishka[SetCancellation]) -> SubscriptionOut:
        return SubscriptionOut.of(await cancellation(user.id, cancel=True))

    @post("/subscription/resume", status_code=HTTP_200_OK,
          description="Takes back a cancellation, so the subscription renews again.")
    async def resume(self, user: FromDishka[CurrentUser],
                     cancellation: FromDishka[SetCancellation]) -> SubscriptionOut:
        return SubscriptionOut.of(await cancellation(user.id, cancel=False))

    @post("/portal", status_code=HTTP_200_OK,
          description="A link to the payment provider's customer portal (payment method, "
                      "invoices). 404 before the first subscription.")
    async def portal(self, user: FromDishka[CurrentUser],
                     open_portal: FromDishka[OpenPortal]) -> PortalOut:
        return PortalOut(url=await open_portal(user.id))
