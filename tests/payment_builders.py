"""Test data builders for payments: valid packs and payments, fields overridable."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import uuid4

from tests.builders import NOW

from domain.ids import PaymentId, UserId
from domain.payments import CreditPack, Money, Payment
from domain.users import User


def a_pack(**changes: Any) -> CreditPack:
    pack = CreditPack(id="starter", name="Starter", credits=100_000, price=Money(900, "eur"))
    return replace(pack, **changes)


def a_payment(*, user: UserId | User, created_at: datetime = NOW, **changes: Any) -> Payment:
    """A pending payment for `a_pack()`, opened at `created_at`."""
    user_id = user.id if isinstance(user, User) else user
    payment = Payment.open(id=PaymentId(uuid4()), user_id=user_id, pack=a_pack(),
                           now=created_at)
    return replace(payment, **changes)
