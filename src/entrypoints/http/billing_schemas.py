from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar.openapi.spec import Schema
from msgspec import Meta

from application.admin.adjust_credits import MAX_ADJUSTMENT
from domain.payments import CreditPack, Payment
from domain.quota import Balance
from entrypoints.http.schema_base import Strict, text


class BalanceOut(Strict, kw_only=True, frozen=True):
    credits: int
    reserved: int
    daily_limit: int
    used_today: int
    resets_at: datetime

    @classmethod
    def of(cls, balance: Balance) -> BalanceOut:
        return cls(credits=balance.credits, reserved=balance.reserved,
                   daily_limit=balance.daily_limit, used_today=balance.used_today,
                   resets_at=balance.resets_at)


class PackageOut(Strict, kw_only=True, frozen=True):
    id: str
    name: str
    credits: int
    amount: int
    currency: str

    @classmethod
    def of(cls, pack: CreditPack) -> PackageOut:
        return cls(id=pack.id, name=pack.name, credits=pack.credits, amount=pack.price.amount,
                   currency=pack.price.currency)


class CheckoutIn(Strict, kw_only=True, frozen=True):
    package_id: Annotated[str, text(min_length=1, max_length=40)]


class CheckoutOut(Strict, kw_only=True, frozen=True):
    payment_id: UUID
    checkout_url: str


class PaymentOut(Strict, kw_only=True, frozen=True):
    id: UUID
    package_id: str
    amount: int
    currency: str
    credits: int
    status: str
    created_at: datetime

    @classmethod
    def of(cls, payment: Payment) -> PaymentOut:
        return cls(id=payment.id, package_id=payment.pack_id, amount=payment.price.amount,
                   currency=payment.price.currency, credits=payment.credits,
                   status=payment.status.value, created_at=payment.created_at)


class CreditsIn(Strict, kw_only=True, frozen=True):
    amount: Annotated[int, Meta(ge=-MAX_ADJUSTMENT, le=MAX_ADJUSTMENT, extra_json_schema={
        "extra": {"not": Schema(const=0)}})]  # non-zero: the use case refuses 0 (422)
    reason: Annotated[str, text(min_length=1, max_length=500, blank=False)]


class WebhookOut(Strict, kw_only=True, frozen=True):
    received: bool
    result: str
