from domain.ids import UserId
from domain.ports.subscriptions import SubscriptionRepository
from domain.subscriptions import NoSubscription, Subscription


class GetSubscription:
    """The user's live subscription, or their last one; NoSubscription (404) if none."""

    def __init__(self, subscriptions: SubscriptionRepository) -> None:
        self._subscriptions = subscriptions

    async def __call__(self, owner: UserId) -> Subscription:
        subscription = await self._subscriptions.current(owner)
        if subscription is None:
            raise NoSubscription()
        return subscription
