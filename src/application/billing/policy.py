from dataclasses import dataclass

from domain.errors import InvalidInput
from domain.payments import CreditPack
from domain.ports.payment_gateway import CheckoutPages


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingPolicy:
    """The operator's offer: the credit packs on sale, where checkout returns to, and
    whether payments are switched on at all (a payment provider is configured)."""

    packs: tuple[CreditPack, ...]
    pages: CheckoutPages
    enabled: bool

    def item_name(self, pack_id: str) -> str:
        """What a payment for `pack_id` bought, by name; the id for a pack no longer sold."""
        return next((pack.name for pack in self.packs if pack.id == pack_id), pack_id)

    def pack(self, pack_id: str) -> CreditPack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        known = ", ".join(pack.id for pack in self.packs)
        raise InvalidInput(f"No credit pack {pack_id!r}; the packs on sale are: {known}.",
                           field="package_id")
