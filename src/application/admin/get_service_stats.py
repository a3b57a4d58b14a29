from collections.abc import Mapping
from dataclasses import dataclass

from application.admin.access import require_admin
from domain.jobs import JobState
from domain.ports.admin_queries import AdminQueries
from domain.ports.payments import PaymentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class ServiceStats:
    users: int
    documents: int
    jobs: Mapping[JobState, int]
    tokens_today: int
    revenue: Mapping[str, int]


class GetServiceStats:
    """The service at a glance, for an admin.

    - only admins may; others get PermissionDenied
    - users, documents and jobs are counted; jobs by state, every state present
    - tokens_today is the service-wide usage of today (UTC), settled and held, the same
      figure the service-wide daily limit is checked against
    - revenue is what succeeded payments collected, per currency, in minor units
    """

    def __init__(self, queries: AdminQueries, ledger: QuotaLedger,
                 payments: PaymentRepository, clock: Clock) -> None:
        self._queries, self._ledger, self._payments = queries, ledger, payments
        self._clock = clock

    async def __call__(self, actor: User) -> ServiceStats:
        require_admin(actor, "see the service's figures")
        counts = await self._queries.counts()
        return ServiceStats(users=counts.users, documents=counts.documents, jobs=counts.jobs,
                            tokens_today=await self._ledger.used_today(self._clock.now()),
                            revenue=await self._payments.revenue())
