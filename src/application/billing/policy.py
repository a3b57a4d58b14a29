from dataclasses import dataclass

from domain.errors import InvalidInput
from domain.payments import CreditPack
from domain.ports.payment_gateway import CheckoutPages
from domain.subscriptions import Plan


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingPolicy:
    """The operator's offer: the credit packs and monthly plans on sale, where checkout
    returns to, and whether payments are switched on at all (a payment provider is
    configured); `provider` names it, as its price ids in the plans do."""

    packs: tuple[CreditPack, ...]
    pages: CheckoutPages
    enabled: bool
    plans: tuple[Plan, ...] = ()
    provider: str = "stripe"
    portal_return_url: str = ""

    def item_name(self, pack_id: str) -> str:
        """What a payment for `pack_id` (a pack's or a plan's id) bought, by name; the id
        for one no longer sold."""
        names = {plan.id: plan.name for plan in self.plans}
        names.update((pack.id, pack.name) for pack in self.packs)
        return names.get(pack_id, pack_id)

    def plan(self, plan_id: str) -> Plan:
        for plan in self.plans:
            if plan.id == plan_id and plan.price_id(self.provider):
                return plan
        known = ", ".join(plan.id for plan in self.plans) or "none"
        raise InvalidInput(f"No plan {plan_id!r}; the plans on sale are: {known}.",
                           field="plan_id")

    def plan_of_price(self, price_id: str | None) -> Plan | None:
        return self.plans_by_price().get(price_id or "")

    def plans_by_price(self) -> dict[str, Plan]:
        """The plans by the provider's price id (plans without one are not sold here)."""
        return {price: plan for plan in self.plans
                if (price := plan.price_id(self.provider)) is not None}

    def rolls_over(self, plan_id: str) -> bool:
        """Whether a plan keeps unused credits; a plan no longer sold does not."""
        return any(plan.rollover for plan in self.plans if plan.id == plan_id)

    def pack(self, pack_id: str) -> CreditPack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        known = ", ".join(pack.id for pack in self.packs)
        raise InvalidInput(f"No credit pack {pack_id!r}; the packs on sale are: {known}.",
                           field="package_id")
