from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.errors import storage_errors
from domain.errors import DomainError


async def execute(session: AsyncSession, statement: Executable,
                  parameters: Any = None, *,
                  conflicts: Mapping[str, Callable[[], DomainError]] | None = None,
                  ) -> CursorResult[Any]:
    """Run a Core statement on the session's connection (no ORM work on the way), with
    database errors translated as `storage_errors` does."""
    with storage_errors(conflicts):
        connection = await session.connection()
        return await connection.execute(statement, parameters)
