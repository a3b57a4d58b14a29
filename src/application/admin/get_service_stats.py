from collections.abc import Mapping
from dataclasses import dataclass

from application.admin.access import require_admin
from application.billing.policy import BillingPolicy
from domain.jobs import JobState
from domain.ports.admin_queries import AdminQueries
from domain.ports.payments import PaymentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.subscriptions import SubscriptionRepository
from domain.ports.system import Clock
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class ServiceStats:
    users: int
    documents: int
    jobs: Mapping[JobState, int]
    tokens_today: int
    revenue: Mapping[str, int]
    mrr: Mapping[str, int]
    subscribers: Mapping[str, int]


class GetServiceStats:
    """The service at a glance, for an admin.

    - only admins may; others get PermissionDenied
    - users, documents and jobs are counted; jobs by state, every state present
    - tokens_today is the service-wide usage of today (UTC), settled and held, the same
      figure the service-wide daily limit is checked against
    - revenue is what succeeded payments collected, per currency, in minor units: packs
      and plans' paid periods alike
    - subscribers counts the active subscriptions per plan (every plan on sale present);
      mrr is what they bring in a month at their plans' prices, per currency
    """

    def __init__(self, queries: AdminQueries, ledger: QuotaLedger,
                 payments: PaymentRepository, subscriptions: SubscriptionRepository,
                 policy: BillingPolicy, clock: Clock) -> None:
        self._queries, self._ledger, self._payments = queries, ledger, payments
        self._subscriptions, self._policy, self._clock = subscriptions, policy, clock

    async def __call__(self, actor: User) -> ServiceStats:
        require_admin(actor, "see the service's figures")
        counts = await self._queries.counts()
        return ServiceStats(users=counts.users, documents=counts.documents, jobs=counts.jobs,
                            tokens_today=await self._ledger.used_today(self._clock.now()),
                            revenue=await self._payments.revenue(),
                            **await self._subscribed())

    async def _subscribed(self) -> dict[str, dict[str, int]]:
        active = await self._subscriptions.active_by_plan()
        subscribers = {plan.id: 0 for plan in self._policy.plans} | active
        mrr: dict[str, int] = {}
        for plan in self._policy.plans:
            if active.get(plan.id):
                currency = plan.price.currency
                mrr[currency] = mrr.get(currency, 0) + plan.price.amount * active[plan.id]
        return {"mrr": mrr, "subscribers": subscribers}
