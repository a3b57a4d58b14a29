from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from sqlalchemy import Row, Select, bindparam, func
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from domain.pages import Page, PageRequest

T = TypeVar("T")


class PagedQuery(Generic[T]):
    """Pages of `rows` (filtered and ordered, with bind parameters) with their total: one
    round trip, two when the page lies past the end. Built once, like every statement here."""

    def __init__(self, rows: Select[Any], item: Callable[[Row[Any]], T]) -> None:
        self._count = rows.order_by(None).with_only_columns(func.count(),
                                                             maintain_column_froms=True)
        total = self._count.scalar_subquery().label("total")
        self._page = (rows.add_columns(total)
                      .limit(bindparam("page_limit")).offset(bindparam("page_offset")))
        self._item = item

    async def fetch(self, session: AsyncSession, page: PageRequest,
                    parameters: Mapping[str, Any] | None = None) -> Page[T]:
        parameters = dict(parameters or {})
        found = (await execute(session, self._page, {
            **parameters, "page_limit": page.limit, "page_offset": page.offset})).all()
        if found:
            total = found[0].total
        else:
            total = (await execute(session, self._count, parameters)).scalar_one()
        return Page(items=tuple(self._item(row) for row in found), total=int(total),
                    limit=page.limit, offset=page.offset)
