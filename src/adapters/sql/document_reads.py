"""The caller and their document in one statement, on a pooled connection in autocommit."""

from collections.abc import Mapping
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import greenlet_spawn

from adapters.sql.document_rows import document_from_fields
from adapters.sql.errors import UNREACHABLE, UNREACHABLE_CLASS, StorageError, storage_errors
from adapters.sql.tables import documents, users
from domain.ids import DocumentId, UserId
from domain.ports.document_reads import CallerAndDocument, OwnDocumentReads
from domain.ports.transactions import StorageBusy, StorageUnavailable
from domain.users import Email, Role, User

_u, _d = users.c, documents.c
# The user's columns as user_*, so the document's own names stay as document_from_fields
# reads them; the outer join keeps the user's row when they own no document of that id.
_CALLER_AND_DOCUMENT = (
    select(*(column.label(f"user_{column.name}") for column in _u), *_d)
    .select_from(users.outerjoin(documents, and_(_d.id == bindparam("document_id"),
                                                 _d.owner_id == _u.id)))
    .where(_u.id == bindparam("user_id")))


class SqlOwnDocumentReads(OwnDocumentReads):
    """One SELECT on a pooled connection, no ORM session and no BEGIN/ROLLBACK (a single
    statement is a consistent snapshot by itself).

    On PostgreSQL the statement goes straight to the asyncpg connection under the pool's
    connection (SQLAlchemy's execution and result layers cost several times the driver's
    work for this one row). The dialect set the connection's JSON codecs up when it opened
    it, so JSON columns come back decoded as through Core, and timestamps are UTC-aware as
    UtcDateTime reads them. On SQLite the statement runs through Core in autocommit.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._on_asyncpg = engine.dialect.driver == "asyncpg"
        compiled = _CALLER_AND_DOCUMENT.compile(dialect=engine.dialect)
        self._sql, self._order = str(compiled), tuple(compiled.positiontup or ())

    async def caller_and_document(self, user: UserId,
                                  document: DocumentId) -> CallerAndDocument:
        values = {"user_id": user, "document_id": document}
        fields = await (self._fetch_asyncpg(values) if self._on_asyncpg
                        else self._fetch_core(values))
        if fields is None:
            return CallerAndDocument(None, None)
        found = None if fields["id"] is None else document_from_fields(fields)
        return CallerAndDocument(_caller(fields), found)

    async def _fetch_core(self, values: dict[str, Any]) -> Mapping[Any, Any] | None:
        with storage_errors():
            async with self._autocommit.connect() as connection:
                row = (await connection.execute(_CALLER_AND_DOCUMENT, values)).one_or_none()
        return None if row is None else row._mapping

    async def _fetch_asyncpg(self, values: dict[str, Any]) -> Mapping[Any, Any] | None:
        with storage_errors():  # the pool's own failures: no connection in time, refused
            pooled = await self._engine.raw_connection()
        driver: Any = pooled.driver_connection
        broken = False
        try:
            record = await driver.fetchrow(self._sql, *(values[name] for name in self._order))
        except asyncpg.QueryCanceledError as error:
            raise StorageBusy("The service took too long to answer; nothing was changed. "
                              "Try again shortly.") from error
        except asyncpg.PostgresError as error:  # the server refused the statement
            sqlstate = getattr(error, "sqlstate", None) or ""
            if sqlstate in UNREACHABLE or sqlstate.startswith(UNREACHABLE_CLASS):
                broken = True  # the server is shutting down or starting up
                raise StorageUnavailable from error
            raise StorageError(f"storage failed: {error}") from error
        except (asyncpg.InterfaceError, asyncpg.InternalClientError, OSError,
                TimeoutError) as error:
            broken = True  # the connection itself failed, e.g. its backend was terminated
            raise StorageUnavailable from error
        except BaseException:
            broken = True  # cancelled mid-statement: the connection's state is unknown
            raise
        finally:
            # Back to the pool as AsyncConnection does; a connection in doubt is discarded
            # instead, as Core does on a disconnect, or later checkouts would get it.
            await greenlet_spawn(pooled.invalidate if broken or driver.is_closed()
                                 else pooled.close)
        return None if record is None else dict(record.items())


def _caller(fields: Mapping[Any, Any]) -> User:
    return User(id=UserId(fields["user_id"]), email=Email(fields["user_email"]),
                role=Role(fields["user_role"]), created_at=fields["user_created_at"],
                blocked=fields["user_blocked"], token_version=fields["user_token_version"],
                display_name=fields["user_display_name"])
