from __future__ import annotations

from typing import Any

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, post
from litestar.status_codes import HTTP_200_OK

from application.billing.handle_payment_event import HandlePaymentEvent
from entrypoints.http.billing_schemas import WebhookOut
from entrypoints.metrics import WEBHOOKS


class WebhooksController(Controller):
    """The payment provider's deliveries: signed, not authenticated by a bearer token."""

    path = "/api/v1/billing"
    tags = ["billing"]

    @post("/webhook", status_code=HTTP_200_OK,
          description="The payment provider's events, verified over the raw body by its "
                      "signature header: `Stripe-Signature` (PAYMENT_PROVIDER=stripe) or "
                      "`Paddle-Signature` (paddle). 200 also for a duplicate or an ignored "
                      "type; 400 for a bad or missing signature.")
    async def webhook(self, request: Request[Any, Any, Any],
                      handle: FromDishka[HandlePaymentEvent]) -> WebhookOut:
        try:
            result = await handle(await request.body(),
                                  request.headers.get(handle.signature_header))
        except Exception:
            WEBHOOKS.labels("refused").inc()
            raise
        WEBHOOKS.labels(result.value).inc()
        return WebhookOut(received=True, result=result.value)
