from abc import abstractmethod
from datetime import datetime
from typing import Protocol

from domain.ids import UserId
from domain.subscriptions import Subscription


class BillingCustomers(Protocol):
    """Each user's customer at a payment provider, created once and kept, in the caller's
    transaction.

    - `ref_of` is the provider's id of the user's customer, or None.
    - `add` maps a user to a customer; Conflict when the user already has a customer at
      that provider or the customer is another user's (both are unique).
    - `lock_user_of` is the user of a provider's customer, or None; it locks the mapping
      until the caller's transaction ends (a concurrent lock of it waits), so events about
      one customer's subscriptions apply one after the other.
    - `forget` removes a user's mappings (their account is erased): later events about
      those customers name nobody.
    """

    @abstractmethod
    async def ref_of(self, provider: str, user_id: UserId) -> str | None: ...

    @abstractmethod
    async def add(self, provider: str, user_id: UserId, ref: str,
                  now: datetime) -> None: ...

    @abstractmethod
    async def lock_user_of(self, provider: str, ref: str) -> UserId | None: ...

    @abstractmethod
    async def forget(self, user_id: UserId) -> None: ...


class SubscriptionRepository(Protocol):
    """Subscriptions by provider and the provider's id, in the caller's transaction; the
    caller holds its customer's lock (`BillingCustomers.lock_user_of`) to change one.

    - `get` is the subscription, or None.
    - `put` stores a new or changed subscription.
    - `current` is the user's live subscription, or failing that their most recently
      changed one; None for a user who never subscribed.
    - `active_by_plan` counts the subscriptions that are active now, by plan id.
    - `anonymise` detaches a user's subscriptions from them (user_id None).
    """

    @abstractmethod
    async def get(self, provider: str, ref: str) -> Subscription | None: ...

    @abstractmethod
    async def put(self, subscription: Subscription) -> None: ...

    @abstractmethod
    async def current(self, user_id: UserId) -> Subscription | None: ...

    @abstractmethod
    async def active_by_plan(self) -> dict[str, int]: ...

    @abstractmethod
    async def anonymise(self, user_id: UserId) -> None: ...
