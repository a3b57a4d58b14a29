"""Section revisions in their own table: written with their document (`write_replaced`),
read here."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.document_rows import section_from_json, section_json
from adapters.sql.execution import execute
from adapters.sql.paging import PagedQuery
from adapters.sql.tables import documents, section_revisions
from domain.documents import Document, SectionRevision
from domain.errors import NotFound
from domain.ids import DocumentId, UserId
from domain.pages import Page, PageRequest
from domain.ports.revisions import SectionRevisionRepository

_c = section_revisions.c
_OWNED = (_c.document_id == bindparam("document_id"), _c.owner_id == bindparam("owner"))
_INSERT = insert(section_revisions)
_KEPT = select(_c.revision).where(_c.document_id == bindparam("document_id"),
                                  _c.revision.in_(bindparam("revisions", expanding=True)))
_GET = select(section_revisions).where(*_OWNED, _c.revision == bindparam("revision"))
_ALL_OF = (select(section_revisions).join(documents, documents.c.id == _c.document_id)
           .where(_c.owner_id == bindparam("owner"))
           .order_by(documents.c.created_at, _c.document_id, _c.revision))


def revision_from_row(row: Row[Any]) -> SectionRevision:
    return SectionRevision(document_id=DocumentId(row.document_id), revision=row.revision,
                           section=section_from_json(row.section), replaced_at=row.replaced_at)


_HISTORY = PagedQuery(
    select(section_revisions).where(*_OWNED, _c.section_key == bindparam("key"))
    .order_by(_c.revision.desc()),
    revision_from_row)


async def write_replaced(session: AsyncSession, document: Document) -> None:
    """Keep the document's `replaced` texts, leaving those already kept as they are."""
    if not document.replaced:
        return
    numbers = [r.revision for r in document.replaced]
    kept = set((await execute(session, _KEPT, {"document_id": document.id,
                                               "revisions": numbers})).scalars())
    rows = [{"document_id": document.id, "revision": r.revision, "owner_id": document.owner,
             "section_key": r.section.key, "section": section_json(r.section),
             "replaced_at": r.replaced_at}
            for r in document.replaced if r.revision not in kept]
    if rows:
        await execute(session, _INSERT, rows)




class SqlSectionRevisionRepository(SectionRevisionRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def history(self, owner: UserId, document_id: DocumentId, key: str,
                      page: PageRequest) -> Page[SectionRevision]:
        return await _HISTORY.fetch(self._session, page, {
            "owner": owner, "document_id": document_id, "key": key})

    async def get(self, owner: UserId, document_id: DocumentId,
                  revision: int) -> SectionRevision:
        result = await execute(self._session, _GET, {
            "owner": owner, "document_id": document_id, "revision": revision})
        row = result.one_or_none()
        if row is None:
            raise NotFound(f"This document has no revision {revision}.")
        return revision_from_row(row)

    async def all_of(self, owner: UserId) -> Sequence[SectionRevision]:
        result = await execute(self._session, _ALL_OF, {"owner": owner})
        return [revision_from_row(row) for row in result]
