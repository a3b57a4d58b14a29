"""Payments: the credit packs and plans on sale, and the provider PAYMENT_PROVIDER names
(Stripe or Paddle), for checkout, subscriptions and webhooks."""

from collections.abc import AsyncIterator

import stripe
from dishka import Provider, Scope, provide

from adapters.paddle.billing import PaddleBilling
from adapters.paddle.events import PaddleEventReader
from adapters.stripe.billing import StripeBilling
from adapters.stripe.events import StripeEventReader
from application.billing.policy import BillingPolicy
from domain.ports.payment_gateway import CheckoutPages, PaymentEventReader, PaymentGateway
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.receipts import Seller
from entrypoints.billing_config import credit_packs
from entrypoints.config import Settings
from entrypoints.plans_config import subscription_plans


class PaymentsProvider(Provider):
    scope = Scope.APP

    @provide
    def policy(self, settings: Settings) -> BillingPolicy:
        app_url = settings.app_url.rstrip("/")
        return BillingPolicy(
            packs=credit_packs(settings.credit_packs), enabled=settings.payments_enabled,
            plans=subscription_plans(settings.subscription_plans),
            provider=settings.payment_provider,
            portal_return_url=f"{app_url}/billing",
            pages=CheckoutPages(
                success_url=f"{app_url}/billing/success?session_id={{CHECKOUT_SESSION_ID}}",
                cancel_url=f"{app_url}/billing/cancelled"))

    @provide
    async def billing(self, settings: Settings
                      ) -> AsyncIterator[StripeBilling | PaddleBilling]:
        billing: StripeBilling | PaddleBilling
        if settings.payment_provider == "paddle":
            billing = PaddleBilling(settings.paddle_api_key, settings.paddle_api_base,
                                    timeout_s=settings.stripe_timeout_s)
        else:
            # The library otherwise writes an id file under ~/.config on the event loop and
            # sends it to Stripe with every request.
            stripe.enable_telemetry = False
            billing = StripeBilling(settings.stripe_secret_key, settings.stripe_api_base,
                                    timeout_s=settings.stripe_timeout_s)
        yield billing
        await billing.close()

    @provide
    def gateway(self, billing: StripeBilling | PaddleBilling) -> PaymentGateway:
        return billing

    @provide
    def subscription_gateway(self, billing: StripeBilling | PaddleBilling
                             ) -> SubscriptionGateway:
        return billing

    @provide
    def seller(self, settings: Settings) -> Seller:
        """The address's lines may be written `\\n`-separated on one line of the env."""
        return Seller(name=settings.receipt_seller_name,
                      address=settings.receipt_seller_address.replace("\\n", "\n"))

    @provide
    def event_reader(self, settings: Settings) -> PaymentEventReader:
        if settings.payment_provider == "paddle":
            return PaddleEventReader(tuple(settings.paddle_webhook_secret))
        return StripeEventReader(tuple(settings.stripe_webhook_secret))
