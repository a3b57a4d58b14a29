from collections.abc import Sequence

from adapters.memory.database import DOCUMENTS, SECTION_REVISIONS
from adapters.memory.pages import page_of
from adapters.memory.transactions import InMemoryTransactionManager
from domain.documents import Document, SectionRevision
from domain.errors import NotFound
from domain.ids import DocumentId, UserId
from domain.pages import Page, PageRequest
from domain.ports.revisions import SectionRevisionRepository


def write_replaced(tx: InMemoryTransactionManager, document: Document) -> None:
    """Keep the document's `replaced` texts, leaving those already kept as they are."""
    for revision in document.replaced:
        if tx.get(SECTION_REVISIONS, (document.id, revision.revision)) is None:
            tx.put(SECTION_REVISIONS, (document.id, revision.revision), revision)


def remove_revisions(tx: InMemoryTransactionManager, document_id: DocumentId) -> None:
    for revision in tx.rows(SECTION_REVISIONS):
        if revision.document_id == document_id:
            tx.remove(SECTION_REVISIONS, (document_id, revision.revision))


class InMemorySectionRevisionRepository(SectionRevisionRepository):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def history(self, owner: UserId, document_id: DocumentId, key: str,
                      page: PageRequest) -> Page[SectionRevision]:
        found = [r for r in self._of(owner, document_id) if r.section.key == key]
        return page_of(found, page, newest_first=True, key=lambda r: r.revision)

    async def get(self, owner: UserId, document_id: DocumentId,
                  revision: int) -> SectionRevision:
        found: SectionRevision | None = self._tx.get(SECTION_REVISIONS, (document_id, revision))
        if found is None or not self._owns(owner, document_id):
            raise NotFound(f"This document has no revision {revision}.")
        return found

    async def all_of(self, owner: UserId) -> Sequence[SectionRevision]:
        documents = sorted((d for d in self._tx.rows(DOCUMENTS) if d.owner == owner),
                           key=lambda d: (d.created_at, d.id))
        order = {d.id: at for at, d in enumerate(documents)}
        return sorted((r for r in self._tx.rows(SECTION_REVISIONS) if r.document_id in order),
                      key=lambda r: (order[r.document_id], r.revision))

    def _of(self, owner: UserId, document_id: DocumentId) -> list[SectionRevision]:
        if not self._owns(owner, document_id):
            return []
        return [r for r in self._tx.rows(SECTION_REVISIONS) if r.document_id == document_id]

    def _owns(self, owner: UserId, document_id: DocumentId) -> bool:
        document: Document | None = self._tx.get(DOCUMENTS, document_id)
        return document is not None and document.owner == owner
