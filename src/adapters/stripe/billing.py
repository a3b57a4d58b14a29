"""Stripe Billing: customers, subscription Checkout, cancellation and the customer portal,
on the same client (and its retries, see `checkout`) as one-off Checkout.

Keys: a customer is created with `tesigo-customer-<user id>`, so two first subscriptions
of one account racing make one customer; a subscription page with the caller's attempt id.
"""

from __future__ import annotations

import stripe

from adapters.stripe.checkout import StripePaymentGateway, describe
from domain.ids import UserId
from domain.payments import PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.subscriptions import Plan


class StripeBilling(StripePaymentGateway, SubscriptionGateway):
    @property
    def provider(self) -> str:
        return "stripe"

    async def create_customer(self, user_id: UserId, email: str) -> str:
        try:
            customer = await self._stripe().v1.customers.create_async(
                params={"email": email, "metadata": {"user_id": str(user_id)}},
                options={"idempotency_key": f"tesigo-customer-{user_id}"})
        except stripe.StripeError as error:
            raise PaymentsUnavailable(describe(error, "create the customer")) from error
        return customer.id

    async def open_subscription(self, customer_ref: str, plan: Plan, attempt: str,
                                pages: CheckoutPages) -> CheckoutSession:
        price = plan.price_id("stripe")
        if price is None:
            raise PaymentsUnavailable(f"The plan {plan.id!r} has no Stripe price.")
        try:
            session = await self._stripe().v1.checkout.sessions.create_async(
                params={"mode": "subscription", "customer": customer_ref,
                        "line_items": [{"price": price, "quantity": 1}],
                        "subscription_data": {"metadata": {"plan_id": plan.id}},
                        "success_url": pages.success_url, "cancel_url": pages.cancel_url},
                options={"idempotency_key": f"tesigo-subscribe-{attempt}"})
        except stripe.StripeError as error:
            raise PaymentsUnavailable(describe(error, "open the checkout")) from error
        if not session.url:
            raise PaymentsUnavailable("Stripe opened a checkout session without a payment page.")
        return CheckoutSession(id=session.id, url=session.url)

    async def set_cancel_at_period_end(self, subscription_ref: str, cancel: bool) -> None:
        try:
            await self._stripe().v1.subscriptions.update_async(
                subscription_ref, params={"cancel_at_period_end": cancel})
        except stripe.StripeError as error:
            raise PaymentsUnavailable(describe(error, "change the subscription")) from error

    async def portal(self, customer_ref: str, return_url: str) -> str:
        try:
            session = await self._stripe().v1.billing_portal.sessions.create_async(
                params={"customer": customer_ref, "return_url": return_url})
        except stripe.StripeError as error:
            raise PaymentsUnavailable(describe(error, "open the billing portal")) from error
        return session.url
