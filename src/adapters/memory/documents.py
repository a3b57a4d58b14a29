from collections.abc import Sequence
from dataclasses import replace

from adapters.memory.database import DOCUMENTS
from adapters.memory.pages import page_of
from adapters.memory.revisions import remove_revisions, write_replaced
from adapters.memory.transactions import InMemoryTransactionManager
from domain.documents import Document
from domain.errors import Conflict, NotFound
from domain.ids import DocumentId, UserId
from domain.pages import Page, PageRequest
from domain.ports.documents import DocumentRepository

STALE = "The document was changed meanwhile; load it again and retry."


class InMemoryDocumentRepository(DocumentRepository):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, document: Document) -> None:
        self._tx.put(DOCUMENTS, document.id, _stored(document))
        write_replaced(self._tx, document)

    async def get(self, owner: UserId, id: DocumentId) -> Document:
        document: Document | None = self._tx.get(DOCUMENTS, id)
        if document is None or document.owner != owner:
            raise NotFound("No such document.")
        return document

    async def save(self, document: Document) -> None:
        stored = await self.get(document.owner, document.id)
        if stored.revision != document.revision - 1:
            raise Conflict(STALE)
        self._tx.put(DOCUMENTS, document.id, _stored(document), guard=Conflict)
        write_replaced(self._tx, document)

    async def delete(self, owner: UserId, id: DocumentId) -> None:
        await self.get(owner, id)
        self._tx.remove(DOCUMENTS, id)
        remove_revisions(self._tx, id)

    async def list(self, owner: UserId, page: PageRequest) -> Page[Document]:
        found: Page[Document] = page_of(self._owned_by(owner), page, newest_first=True,
                        key=lambda document: (document.created_at, document.id))
        return replace(found, items=tuple(replace(d, sections=()) for d in found.items))

    async def delete_all(self, owner: UserId) -> None:
        for document in self._owned_by(owner):
            self._tx.remove(DOCUMENTS, document.id)
            remove_revisions(self._tx, document.id)

    async def all_of(self, owner: UserId) -> Sequence[Document]:
        return sorted(self._owned_by(owner), key=lambda document: (document.created_at,
                                                                   document.id))

    def _owned_by(self, owner: UserId) -> Sequence[Document]:
        return [document for document in self._tx.rows(DOCUMENTS) if document.owner == owner]


def _stored(document: Document) -> Document:
    """The document as storage holds it: its replaced texts are kept apart."""
    return replace(document, replaced=()) if document.replaced else document
