from application.audit_trail import AuditTrail
from domain.errors import InvalidTransition
from domain.ids import UserId
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.subscriptions import NoSubscription, Subscription, SubscriptionFact


class SetCancellation:
    """Cancel the user's subscription at the end of its period (`cancel` True), or take
    that back so it renews (False).

    - NoSubscription (404) without a live subscription
    - the provider is told first; only once it accepted is the state changed here, as a
      fact stamped now (the provider's own event about it merges with it in any order)
    - asking for what already holds changes nothing and answers the subscription
    """

    def __init__(self, customers: BillingCustomers, subscriptions: SubscriptionRepository,
                 gateway: SubscriptionGateway, audit: AuditTrail, tx: TransactionManager,
                 clock: Clock, ids: IdGenerator) -> None:
        self._customers, self._subscriptions, self._gateway = customers, subscriptions, gateway
        self._audit, self._tx, self._clock, self._ids = audit, tx, clock, ids

    async def __call__(self, owner: UserId, cancel: bool) -> Subscription:
        subscription = await self._subscriptions.current(owner)
        if subscription is None or not subscription.state.live:
            raise NoSubscription("You have no live subscription.")
        if subscription.state.cancel_at_period_end is cancel:
            return subscription
        if subscription.state.period_end is None:
            raise InvalidTransition("The subscription's first payment is not through yet.")
        await self._tx.rollback()  # no transaction is held open while the provider answers
        await self._gateway.set_cancel_at_period_end(subscription.ref, cancel)
        return await self._record(owner, subscription, cancel)

    async def _record(self, owner: UserId, subscription: Subscription,
                      cancel: bool) -> Subscription:
        """Merged under the customer's lock, as webhook events are."""
        customer = await self._customers.ref_of(subscription.provider, owner)
        if customer is not None:
            await self._customers.lock_user_of(subscription.provider, customer)
        held = await self._subscriptions.get(subscription.provider, subscription.ref)
        now = self._clock.now()
        fact = SubscriptionFact(event_id=f"api:{self._ids.new_id()}", at=now,
                                cancel_at_period_end=cancel)
        changed = (held or subscription).merge(fact, now)
        await self._subscriptions.put(changed)
        await self._audit.record("subscription.cancel" if cancel else "subscription.resume",
                                 actor=owner, target=f"subscription:{subscription.ref}")
        await self._tx.commit()
        return changed
