"""Stripe Checkout through the official `stripe` library's async client.

Retries are the library's own: up to `max_network_retries` further attempts with
exponential backoff (0.5 s, then doubling, at most 5 s) on connection errors, 409 and 5xx,
deferring to Stripe's `Stripe-Should-Retry` answer header. Every attempt carries the same
`Idempotency-Key`, derived from the payment (`tesigo-checkout-<payment id>`), so a retry,
by the library or by a caller opening the same payment again, gets the session Stripe
already created, never a second one.
"""

from __future__ import annotations

import stripe
from stripe.params.checkout import SessionCreateParams

from domain.payments import CreditPack, Payment, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession, PaymentGateway

NOT_CONFIGURED = "Payments are not configured on this server."


class StripePaymentGateway(PaymentGateway):
    """The HTTP client is built on first use; `close()` releases it (a later call builds a
    new one), so the container closes it when the app stops."""

    def __init__(self, secret_key: str | None, api_base: str | None = None,
                 timeout_s: float = 20.0, max_network_retries: int = 2) -> None:
        self._secret_key = secret_key or None
        self._api_base = api_base.rstrip("/") if api_base else None
        self._timeout_s, self._max_network_retries = timeout_s, max_network_retries
        self._http: stripe.HTTPXClient | None = None
        self._client: stripe.StripeClient | None = None

    async def open_checkout(self, payment: Payment, pack: CreditPack, email: str,
                            pages: CheckoutPages) -> CheckoutSession:
        client = self._stripe()
        try:
            session = await client.v1.checkout.sessions.create_async(
                params=_session_params(payment, pack, email, pages),
                options={"idempotency_key": idempotency_key(payment)})
        except stripe.StripeError as error:
            raise PaymentsUnavailable(describe(error, "open the checkout")) from error
        if not session.url:
            raise PaymentsUnavailable("Stripe opened a checkout session without a payment page.")
        return CheckoutSession(id=session.id, url=session.url)

    async def close(self) -> None:
        http, self._http, self._client = self._http, None, None
        if http is not None:
            await http.close_async()  # type: ignore[no-untyped-call]  # untyped in stripe 16

    def _stripe(self) -> stripe.StripeClient:
        if self._secret_key is None:
            raise PaymentsUnavailable(NOT_CONFIGURED)
        if self._client is None:
            self._http = stripe.HTTPXClient(timeout=self._timeout_s)
            self._client = stripe.StripeClient(
                self._secret_key, http_client=self._http,
                base_addresses={"api": self._api_base} if self._api_base else None,
                max_network_retries=self._max_network_retries)
        return self._client


def idempotency_key(payment: Payment) -> str:
    return f"tesigo-checkout-{payment.id}"


def _session_params(payment: Payment, pack: CreditPack, email: str,
                    pages: CheckoutPages) -> SessionCreateParams:
    payment_id = str(payment.id)
    return {
        "mode": "payment",
        "client_reference_id": payment_id,
        "metadata": {"payment_id": payment_id},
        # Copied onto the charge, so a refund's `charge.refunded` names the payment too.
        "payment_intent_data": {"metadata": {"payment_id": payment_id}},
        "line_items": [{
            "quantity": 1,
            "price_data": {
                "currency": payment.price.currency,
                "unit_amount": payment.price.amount,
                "product_data": {"name": pack.name,
                                 "description": f"{pack.credits:,} credits"},
            },
        }],
        "customer_email": email,
        "success_url": pages.success_url,
        "cancel_url": pages.cancel_url,
    }


def describe(error: stripe.StripeError, what: str) -> str:
    """What went wrong, without Stripe's message: it may quote the key or the buyer's data."""
    if isinstance(error, stripe.APIConnectionError):
        return "Stripe could not be reached; try again later."
    if isinstance(error, stripe.AuthenticationError | stripe.PermissionError):
        return "Stripe refused this server's API key."
    if isinstance(error, stripe.RateLimitError):
        return "Stripe is limiting this server's requests; try again shortly."
    code = f", {error.code}" if error.code else ""
    if isinstance(error, stripe.InvalidRequestError | stripe.IdempotencyError):
        return f"Stripe refused to {what} (HTTP {error.http_status}{code})."
    return f"Stripe failed to {what} (HTTP {error.http_status}{code}); try again later."
