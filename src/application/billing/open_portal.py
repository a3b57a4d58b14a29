from application.billing.policy import BillingPolicy
from domain.ids import UserId
from domain.payments import PaymentsUnavailable
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.ports.subscriptions import BillingCustomers
from domain.subscriptions import NoSubscription


class OpenPortal:
    """A link to the provider's customer portal (payment method, invoices, plan).

    - PaymentsUnavailable when payments are off; NoSubscription (404) for a user who has
      no customer at the provider yet (never subscribed)
    """

    def __init__(self, customers: BillingCustomers, gateway: SubscriptionGateway,
                 policy: BillingPolicy) -> None:
        self._customers, self._gateway, self._policy = customers, gateway, policy

    async def __call__(self, owner: UserId) -> str:
        if not self._policy.enabled:
            raise PaymentsUnavailable("Payments are not configured on this server.")
        customer = await self._customers.ref_of(self._gateway.provider, owner)
        if customer is None:
            raise NoSubscription("You have no subscription to manage yet.")
        return await self._gateway.portal(customer, self._policy.portal_return_url)
