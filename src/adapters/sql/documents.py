from collections.abc import Sequence

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.document_rows import document_from_row, document_row
from adapters.sql.execution import execute
from adapters.sql.paging import PagedQuery
from adapters.sql.revisions import write_replaced
from adapters.sql.tables import documents
from domain.documents import Document
from domain.errors import Conflict, NotFound
from domain.ids import DocumentId, UserId
from domain.pages import Page, PageRequest
from domain.ports.documents import DocumentRepository

_c = documents.c
_OWNED = (_c.id == bindparam("document_id"), _c.owner_id == bindparam("owner"))
_INSERT = insert(documents)
_GET = select(documents).where(*_OWNED)
_UPDATE = update(documents).where(*_OWNED, _c.revision == bindparam("previous_revision"))
_DELETE = delete(documents).where(*_OWNED)
_DELETE_ALL = delete(documents).where(_c.owner_id == bindparam("owner"))
_ALL_OF = (select(documents).where(_c.owner_id == bindparam("owner"))
           .order_by(_c.created_at, _c.id))
_NEWEST_FIRST = PagedQuery(
    select(*(column for column in _c if column.name != "sections"))
    .where(_c.owner_id == bindparam("owner"))
    .order_by(_c.created_at.desc(), _c.id.desc()),
    document_from_row)


STALE = "The document was changed meanwhile; load it again and retry."


class SqlDocumentRepository(DocumentRepository):
    """Documents in one table; `list` leaves the `sections` column (the texts) unread."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, document: Document) -> None:
        await execute(self._session, _INSERT, document_row(document))
        await write_replaced(self._session, document)

    async def get(self, owner: UserId, id: DocumentId) -> Document:
        result = await execute(self._session, _GET, {"document_id": id, "owner": owner})
        row = result.one_or_none()
        if row is None:
            raise NotFound("No such document.")
        return document_from_row(row)

    async def save(self, document: Document) -> None:
        values = document_row(document)
        values.update(document_id=values.pop("id"), owner=values.pop("owner_id"),
                      previous_revision=document.revision - 1)
        if (await execute(self._session, _UPDATE, values)).rowcount == 0:
            await self.get(document.owner, document.id)  # NotFound when it is gone
            raise Conflict(STALE)
        await write_replaced(self._session, document)

    async def delete(self, owner: UserId, id: DocumentId) -> None:
        result = await execute(self._session, _DELETE, {"document_id": id, "owner": owner})
        if result.rowcount == 0:
            raise NotFound("No such document.")

    async def list(self, owner: UserId, page: PageRequest) -> Page[Document]:
        return await _NEWEST_FIRST.fetch(self._session, page, {"owner": owner})

    async def delete_all(self, owner: UserId) -> None:
        await execute(self._session, _DELETE_ALL, {"owner": owner})

    async def all_of(self, owner: UserId) -> Sequence[Document]:
        result = await execute(self._session, _ALL_OF, {"owner": owner})
        return [document_from_row(row) for row in result]
