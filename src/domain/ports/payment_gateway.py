from abc import abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.payment_events import PaymentEvent
from domain.payments import CreditPack, Payment
from domain.subscription_events import SubscriptionEvent


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSession:
    """A hosted payment page opened for one payment. `payment_ref`, when the provider
    already knows it, is its id of the payment that later events (a refund) name."""

    id: str
    url: str
    payment_ref: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutPages:
    """Where the provider sends the buyer back to."""

    success_url: str
    cancel_url: str


class PaymentGateway(Protocol):
    """The payment provider's checkout (Stripe Checkout in production).

    - `open_checkout` creates a one-off payment page for `payment` buying `pack`, which
      carries the payment's id back in every event about it. One payment has one page: a
      retry (by the adapter or by the caller) opens the same session, never a second one,
      whether through an idempotency key derived from the payment's id (Stripe) or by
      reading back the page of the payment's `checkout_session_id` (Paddle, which has no
      idempotency keys). Raises PaymentsUnavailable when payments are not configured or
      the provider cannot be reached.
    """

    @abstractmethod
    async def open_checkout(self, payment: Payment, pack: CreditPack, email: str,
                            pages: CheckoutPages) -> CheckoutSession: ...


class PaymentEventReader(Protocol):
    """Webhook deliveries, verified before they are read.

    - `read` checks `signature` (the provider's signature header) over the raw `payload`
      first, at time `now`, and only then decodes the payload. It raises
      InvalidWebhookSignature for a missing or malformed header, a wrong signature, or a
      timestamp outside the tolerance (too old or in the future), and InvalidInput for a
      signed payload that is not an event. Raises PaymentsUnavailable when no webhook secret
      is configured.
    - an event about a subscription (its state, or an invoice of it paid or failed) reads
      as a SubscriptionEvent; every other as a PaymentEvent.
    - `signature_header` names the HTTP header the provider signs its deliveries in.
    """

    signature_header: str

    @abstractmethod
    def read(self, payload: bytes, signature: str | None,
             now: datetime) -> PaymentEvent | SubscriptionEvent: ...
