"""A payment provider's notification, once its signature is verified and it is read."""

from __future__ import annotations

from dataclasses import dataclass

from domain.ids import PaymentId
from domain.payments import Money, Payment, PaymentOutcome


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentEvent:
    """`outcome` is None for events that change no payment (an ignored type, a checkout
    completed but not yet paid, a partial refund). The payment is named by `payment_id`
    (our id, echoed by the provider) or, failing that, by `payment_intent_id`. `paid` is
    what the provider says it collected, when the event says. `invoice_ref` is set on an
    event saying that `payment_intent_id` collected that invoice of a plan's period."""

    id: str
    type: str
    outcome: PaymentOutcome | None = None
    payment_id: PaymentId | None = None
    payment_intent_id: str | None = None
    paid: Money | None = None
    invoice_ref: str | None = None

    def names_payment(self) -> bool:
        return self.payment_id is not None or self.payment_intent_id is not None

    def pays_for(self, payment: Payment) -> bool:
        """False when the event reports a payment of another amount or currency than the
        one the payment was opened for: it must not grant that payment's credits."""
        return self.paid is None or self.paid == payment.price
