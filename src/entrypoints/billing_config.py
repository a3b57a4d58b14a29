"""The credit packs on sale: three defaults, or the operator's own as JSON in CREDIT_PACKS,
e.g. `[{"id": "starter", "name": "Starter", "credits": 300000, "amount": 499,
"currency": "eur"}]` (`amount` in minor units)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

from domain.errors import InvalidInput
from domain.payments import CreditPack, Money

DEFAULT_PACKS = (
    CreditPack(id="starter", name="Starter", credits=300_000, price=Money(499, "eur")),
    CreditPack(id="thesis", name="Thesis", credits=1_500_000, price=Money(1_999, "eur")),
    CreditPack(id="pro", name="Pro", credits=5_000_000, price=Money(4_999, "eur")),
)


class _PackIn(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    credits: Annotated[int, Meta(gt=0)]
    amount: Annotated[int, Meta(gt=0)]
    currency: str


def credit_packs(raw: str | None) -> tuple[CreditPack, ...]:
    """The packs `raw` (CREDIT_PACKS) describes, or the defaults; ValueError says what is
    wrong with it."""
    if not raw:
        return DEFAULT_PACKS
    try:
        items = msgspec.json.decode(raw, type=list[_PackIn])
        packs = tuple(CreditPack(id=item.id, name=item.name, credits=item.credits,
                                 price=Money(item.amount, item.currency.lower()))
                      for item in items)
    except (msgspec.DecodeError, msgspec.ValidationError, InvalidInput) as error:
        raise ValueError(str(error)) from None
    if not packs:
        raise ValueError("at least one pack is needed")
    if len({pack.id for pack in packs}) != len(packs):
        raise ValueError("pack ids must be unique")
    return packs
