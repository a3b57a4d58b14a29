"""The caller and their document in one statement, on a pooled connection in autocommit."""

from typing import Any

from sqlalchemy import Row, and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.document_rows import document_from_row
from adapters.sql.errors import storage_errors
from adapters.sql.tables import documents, users
from domain.ids import DocumentId, UserId
from domain.ports.document_reads import CallerAndDocument, OwnDocumentReads
from domain.users import Email, Role, User

_u, _d = users.c, documents.c
# The user's columns as user_*, so the document's own names stay as document_from_row reads
# them; the outer join keeps the user's row when they own no document of that id.
_CALLER_AND_DOCUMENT = (
    select(*(column.label(f"user_{column.name}") for column in _u), *_d)
    .select_from(users.outerjoin(documents, and_(_d.id == bindparam("document_id"),
                                                 _d.owner_id == _u.id)))
    .where(_u.id == bindparam("user_id")))


class SqlOwnDocumentReads(OwnDocumentReads):
    """One SELECT, no BEGIN/ROLLBACK (the connection is in autocommit), no ORM session: a
    single statement is a consistent snapshot by itself."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def caller_and_document(self, user: UserId,
                                  document: DocumentId) -> CallerAndDocument:
        with storage_errors():
            async with self._engine.connect() as connection:
                result = await connection.execute(
                    _CALLER_AND_DOCUMENT, {"user_id": user, "document_id": document})
                row = result.one_or_none()
        if row is None:
            return CallerAndDocument(None, None)
        found = None if row.id is None else document_from_row(row)
        return CallerAndDocument(_caller(row), found)


def _caller(row: Row[Any]) -> User:
    return User(id=UserId(row.user_id), email=Email(row.user_email), role=Role(row.user_role),
                created_at=row.user_created_at, blocked=row.user_blocked,
                token_version=row.user_token_version, display_name=row.user_display_name)
