from dataclasses import dataclass

from application.billing.policy import BillingPolicy
from domain.errors import Conflict, NotFound
from domain.ids import UserId
from domain.payments import PaymentsUnavailable
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.subscriptions import AlreadySubscribed


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionCheckout:
    plan_id: str
    checkout_url: str


class Subscribe:
    """Open the provider's page where the signed-in user subscribes to a plan.

    - refused with PaymentsUnavailable when payments are off, NotFound when no plan is on
      sale; the plan must be on sale (InvalidInput, naming those that are)
    - refused with AlreadySubscribed (409) while the user has a live subscription
    - the user's customer at the provider is created once, on the first subscription, and
      stored (committed) before the page opens; a concurrent first subscription that
      stored it first wins, and the provider's own key makes both the same customer
    - nothing is stored about the subscription itself until the provider's events say it
      exists (a page opened and left is no subscription)
    """

    def __init__(self, customers: BillingCustomers, subscriptions: SubscriptionRepository,
                 users: UserRepository, gateway: SubscriptionGateway, policy: BillingPolicy,
                 tx: TransactionManager, clock: Clock, ids: IdGenerator) -> None:
        self._customers, self._subscriptions, self._users = customers, subscriptions, users
        self._gateway, self._policy, self._tx, self._ids = gateway, policy, tx, ids
        self._clock = clock

    async def __call__(self, owner: UserId, plan_id: str) -> SubscriptionCheckout:
        if not self._policy.enabled:
            raise PaymentsUnavailable("Payments are not configured on this server.")
        if not self._policy.plans_by_price():
            raise NotFound("No plans are on sale on this server.")
        plan = self._policy.plan(plan_id)
        current = await self._subscriptions.current(owner)
        if current is not None and current.state.live:
            raise AlreadySubscribed()
        customer = await self._customer_of(owner)
        page = await self._gateway.open_subscription(customer, plan, str(self._ids.new_id()),
                                                     self._policy.pages)
        return SubscriptionCheckout(plan_id=plan.id, checkout_url=page.url)

    async def _customer_of(self, owner: UserId) -> str:
        provider = self._gateway.provider
        known = await self._customers.ref_of(provider, owner)
        if known is not None:
            return known
        user = await self._users.get(owner)
        await self._tx.rollback()  # no transaction is held open while the provider answers
        ref = await self._gateway.create_customer(owner, user.email.value)
        try:
            await self._customers.add(provider, owner, ref, self._clock.now())
            await self._tx.commit()
        except Conflict:
            await self._tx.rollback()
            stored = await self._customers.ref_of(provider, owner)
            if stored is None:
                raise
            return stored
        return ref
