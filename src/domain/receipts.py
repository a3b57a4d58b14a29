"""A receipt: what the buyer of a succeeded payment is given as proof of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.errors import InvalidTransition
from domain.ids import PaymentId
from domain.payments import Money, Payment, PaymentStatus


class NoReceipt(InvalidTransition):
    default_message = "No receipt: this payment has not succeeded."


@dataclass(frozen=True, slots=True, kw_only=True)
class Seller:
    name: str
    address: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Receipt:
    """`refunded_at` is set once the payment was refunded: the receipt then says so."""

    seller: Seller
    buyer_email: str
    item: str
    credits: int
    price: Money
    paid_at: datetime
    payment_id: PaymentId
    refunded_at: datetime | None = None

    @classmethod
    def of(cls, payment: Payment, *, seller: Seller, buyer_email: str, item: str) -> Receipt:
        """Raises NoReceipt for a payment that is pending or failed."""
        if payment.status not in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED):
            raise NoReceipt()
        refunded = payment.updated_at if payment.status is PaymentStatus.REFUNDED else None
        return cls(seller=seller, buyer_email=buyer_email, item=item, credits=payment.credits,
                   price=payment.price, paid_at=payment.created_at, payment_id=payment.id,
                   refunded_at=refunded)
