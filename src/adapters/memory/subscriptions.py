from dataclasses import replace
from datetime import datetime

from adapters.memory.database import BILLING_CUSTOMERS, CUSTOMER_USERS, SUBSCRIPTIONS
from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import Conflict
from domain.ids import UserId
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.subscriptions import Subscription, SubscriptionStatus


class InMemoryBillingCustomers(BillingCustomers):
    """Two unique indexes, (provider, user) → customer and (provider, customer) → row,
    checked when written and on commit; `lock_user_of` takes the customer's row as SELECT
    ... FOR UPDATE would, waiting for another transaction that holds it."""

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def ref_of(self, provider: str, user_id: UserId) -> str | None:
        ref: str | None = self._tx.get(BILLING_CUSTOMERS, (provider, user_id))
        return ref

    async def add(self, provider: str, user_id: UserId, ref: str,
                  now: datetime) -> None:
        if (self._tx.get(BILLING_CUSTOMERS, (provider, user_id)) is not None
                or self._tx.get(CUSTOMER_USERS, (provider, ref)) is not None):
            raise Conflict("That account or customer is already mapped.")
        self._tx.put(BILLING_CUSTOMERS, (provider, user_id), ref, guard=Conflict)
        self._tx.put(CUSTOMER_USERS, (provider, ref), (provider, ref, user_id), guard=Conflict)

    async def lock_user_of(self, provider: str, ref: str) -> UserId | None:
        if self._tx.get(CUSTOMER_USERS, (provider, ref)) is None:
            return None
        await self._tx.wait_for_row(CUSTOMER_USERS, (provider, ref))
        row: tuple[str, str, UserId] | None = self._tx.get(CUSTOMER_USERS, (provider, ref))
        return None if row is None else row[2]

    async def forget(self, user_id: UserId) -> None:
        rows: list[tuple[str, str, UserId]] = self._tx.rows(CUSTOMER_USERS)
        for provider, ref, owner in rows:
            if owner == user_id:
                self._tx.remove(CUSTOMER_USERS, (provider, ref))
                self._tx.remove(BILLING_CUSTOMERS, (provider, user_id))


class InMemorySubscriptionRepository(SubscriptionRepository):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def get(self, provider: str, ref: str) -> Subscription | None:
        subscription: Subscription | None = self._tx.get(SUBSCRIPTIONS, (provider, ref))
        return subscription

    async def put(self, subscription: Subscription) -> None:
        self._tx.put(SUBSCRIPTIONS, (subscription.provider, subscription.ref), subscription)

    async def current(self, user_id: UserId) -> Subscription | None:
        owned = [s for s in self._all() if s.user_id == user_id]
        owned.sort(key=lambda s: (s.state.live, s.updated_at, s.ref), reverse=True)
        return owned[0] if owned else None

    async def active_by_plan(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self._all():
            if s.state.status is SubscriptionStatus.ACTIVE and s.state.plan_id is not None:
                counts[s.state.plan_id] = counts.get(s.state.plan_id, 0) + 1
        return counts

    async def anonymise(self, user_id: UserId) -> None:
        for s in self._all():
            if s.user_id == user_id:
                await self.put(replace(s, user_id=None))

    def _all(self) -> list[Subscription]:
        rows: list[Subscription] = self._tx.rows(SUBSCRIPTIONS)
        return rows
