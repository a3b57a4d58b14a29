"""Credit packs bought through a payment provider, and the payments that buy them.

A payment only moves forward: pending → succeeded → refunded, pending → failed; a refund
that overtakes its payment's success ends it as refunded too (nothing was granted, nothing
is taken). Whatever order the provider's events arrive in, the credits a payment has moved
are its pack's credits while it is succeeded and zero otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import DomainError, InvalidInput
from domain.ids import PaymentId, UserId

_CURRENCY = re.compile(r"^[a-z]{3}$")
_PACK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class PaymentsUnavailable(DomainError):
    default_message = "Payments are not available right now."


class InvalidWebhookSignature(DomainError):
    default_message = "The webhook signature is missing or invalid."


class UnreadableWebhookEvent(DomainError):
    """A delivery whose signature is good but whose payload is not an event we can read."""

    default_message = "The signed webhook payload is not a readable payment event."


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in integer minor units (cents) of a lower-case ISO 4217 currency."""

    amount: int
    currency: str

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise InvalidInput("an amount of money is never negative", field="amount")
        if not _CURRENCY.match(self.currency):
            raise InvalidInput("currency must be a three-letter ISO 4217 code in lower case",
                               field="currency")


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditPack:
    """What a user can buy: `credits` tokens for `price`."""

    id: str
    name: str
    credits: int
    price: Money

    def __post_init__(self) -> None:
        if not _PACK_ID.match(self.id):
            raise InvalidInput("a pack id is 1 to 40 of a-z, 0-9, '-' and '_'", field="id")
        if not self.name.strip():
            raise InvalidInput("a pack needs a name", field="name")
        if self.credits <= 0 or self.price.amount <= 0:
            raise InvalidInput("a pack sells a positive number of credits for a positive "
                               "price", field="credits")


class PaymentStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUNDED = "refunded"


class PaymentOutcome(StrEnum):
    """What the payment provider says happened to a payment."""

    PAID = "paid"
    FAILED = "failed"
    REFUNDED = "refunded"


# (status now, outcome) → status after; pairs not listed change nothing.
_NEXT: dict[tuple[PaymentStatus, PaymentOutcome], PaymentStatus] = {
    (PaymentStatus.PENDING, PaymentOutcome.PAID): PaymentStatus.SUCCEEDED,
    (PaymentStatus.PENDING, PaymentOutcome.FAILED): PaymentStatus.FAILED,
    (PaymentStatus.PENDING, PaymentOutcome.REFUNDED): PaymentStatus.REFUNDED,
    (PaymentStatus.SUCCEEDED, PaymentOutcome.REFUNDED): PaymentStatus.REFUNDED,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentChange:
    """A payment after an outcome, and the credits to add (negative: remove) for it."""

    payment: Payment
    credits: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Payment:
    """One purchase of a credit pack, priced and sized when it was opened. `user_id` is None
    once the buyer erased their account: the payment stays, anonymised, for accounting."""

    id: PaymentId
    user_id: UserId | None
    pack_id: str
    price: Money
    credits: int
    status: PaymentStatus
    created_at: datetime
    updated_at: datetime
    checkout_session_id: str | None = None
    payment_intent_id: str | None = None
    # A plan's paid period: the provider's invoice, when the period ends, and how many of
    # its credits expired then (None: not yet swept, or the plan rolls them over).
    invoice_ref: str | None = None
    period_end: datetime | None = None
    expired_credits: int | None = None

    @classmethod
    def open(cls, *, id: PaymentId, user_id: UserId, pack: CreditPack,
             now: datetime) -> Payment:
        return cls(id=id, user_id=user_id, pack_id=pack.id, price=pack.price,
                   credits=pack.credits, status=PaymentStatus.PENDING, created_at=now,
                   updated_at=now)

    @classmethod
    def for_period(cls, *, id: PaymentId, user_id: UserId, plan_id: str, paid: Money,
                   credits: int, invoice_ref: str, period_end: datetime | None,
                   payment_intent_id: str | None, now: datetime) -> Payment:
        """A plan's period the provider says is paid: succeeded from the start."""
        return cls(id=id, user_id=user_id, pack_id=plan_id, price=paid, credits=credits,
                   status=PaymentStatus.SUCCEEDED, created_at=now, updated_at=now,
                   invoice_ref=invoice_ref, period_end=period_end,
                   payment_intent_id=payment_intent_id)

    @property
    def kept_credits(self) -> int:
        """The credits the payment still stands for: all of them, less what expired."""
        return self.credits - (self.expired_credits or 0)

    def with_expired(self, credits: int, now: datetime) -> Payment:
        return replace(self, expired_credits=credits, updated_at=now)

    def with_checkout(self, session_id: str, now: datetime) -> Payment:
        return replace(self, checkout_session_id=session_id, updated_at=now)

    def with_intent(self, payment_intent_id: str, now: datetime) -> Payment:
        if self.payment_intent_id == payment_intent_id:
            return self
        return replace(self, payment_intent_id=payment_intent_id, updated_at=now)

    def settle(self, outcome: PaymentOutcome, now: datetime) -> PaymentChange | None:
        """The change `outcome` makes, or None when it moves nothing (a duplicate, or a late
        event that would move the payment backwards)."""
        after = _NEXT.get((self.status, outcome))
        if after is None:
            return None
        credits = 0
        if after is PaymentStatus.SUCCEEDED:
            credits = self.credits
        elif self.status is PaymentStatus.SUCCEEDED:
            credits = -self.kept_credits
        return PaymentChange(payment=replace(self, status=after, updated_at=now),
                             credits=credits)
