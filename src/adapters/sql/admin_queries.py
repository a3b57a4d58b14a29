from typing import Any

from sqlalchemy import ColumnElement, Row, ScalarSelect, Table, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.paging import PagedQuery
from adapters.sql.tables import credit_accounts, documents, generation_jobs, users
from adapters.sql.users import user_from_row
from domain.jobs import JobState
from domain.pages import Page, PageRequest
from domain.ports.admin_queries import AdminQueries, ServiceCounts, UserSummary

_u, _a, _j = users.c, credit_accounts.c, generation_jobs.c


def _count(table: Table, *where: ColumnElement[bool]) -> ScalarSelect[int]:
    return select(func.count()).select_from(table).where(*where).scalar_subquery()


def _summary(row: Row[Any]) -> UserSummary:
    return UserSummary(user=user_from_row(row), credits=row.credits)


_COUNTS = select(_count(users).label("users"), _count(documents).label("documents"),
                 *(_count(generation_jobs, _j.state == state.value).label(state.value)
                   for state in JobState))
# credit_accounts keeps each user's ledger sum; its key is the user, so the join adds no rows.
_NEWEST_FIRST = PagedQuery(
    select(users, func.coalesce(_a.credits, 0).label("credits"))
    .select_from(users.outerjoin(credit_accounts, _a.user_id == _u.id))
    .order_by(_u.created_at.desc(), _u.id.desc()),
    _summary)


class SqlAdminQueries(AdminQueries):
    """Each figure in one statement: the counts as scalar subqueries (one per job state, so
    every state is there), the users page joined to their credit accounts."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def counts(self) -> ServiceCounts:
        row = (await execute(self._session, _COUNTS)).one()
        return ServiceCounts(users=row.users, documents=row.documents,
                             jobs={state: row._mapping[state.value] for state in JobState})

    async def users(self, page: PageRequest) -> Page[UserSummary]:
        return await _NEWEST_FIRST.fetch(self._session, page)
