from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.errors import storage_errors
from domain.ports.transactions import TransactionManager


class SqlTransactionManager(TransactionManager):
    """Commits or rolls back the request's session; closing it unfinished rolls back."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def commit(self) -> None:
        with storage_errors():
            await self._session.commit()

    async def rollback(self) -> None:
        with storage_errors():
            await self._session.rollback()
