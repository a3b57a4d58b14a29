from collections import Counter

from adapters.memory.database import DOCUMENTS, LEDGER_ENTRIES, USERS
from adapters.memory.jobs import InMemoryJobRepository
from adapters.memory.pages import page_of
from adapters.memory.transactions import InMemoryTransactionManager
from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.ports.admin_queries import AdminQueries, ServiceCounts, UserSummary
from domain.quota import LedgerEntry
from domain.users import User


class InMemoryAdminQueries(AdminQueries):
    """Counts the rows; credits are summed from the ledger entries, as the in-memory ledger
    does. Jobs are counted by the job repository, which knows when a job is gone with its
    document."""

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def counts(self) -> ServiceCounts:
        jobs = await InMemoryJobRepository(self._tx).count_by_state()
        return ServiceCounts(users=len(self._tx.rows(USERS)),
                             documents=len(self._tx.rows(DOCUMENTS)), jobs=dict(jobs))

    async def users(self, page: PageRequest) -> Page[UserSummary]:
        users: list[User] = self._tx.rows(USERS)
        chosen = page_of(users, page, newest_first=True, key=lambda user: (user.created_at,
                                                                            user.id))
        entries: list[LedgerEntry] = self._tx.rows(LEDGER_ENTRIES)
        credits: Counter[UserId] = Counter()
        for entry in entries:
            credits[entry.user_id] += entry.delta
        items = tuple(UserSummary(user=user, credits=credits[user.id]) for user in chosen.items)
        return Page(items=items, total=chosen.total, limit=chosen.limit, offset=chosen.offset)
