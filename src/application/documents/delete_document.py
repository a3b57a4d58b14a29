from application.exports.export_document import exports_of
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.exports import BlobStore
from domain.ports.transactions import TransactionManager


class DeleteDocument:
    """Delete a document for good, with its exported files; another user's id is NotFound,
    like a missing one."""

    def __init__(self, documents: DocumentRepository, blobs: BlobStore,
                 tx: TransactionManager) -> None:
        self._documents, self._blobs, self._tx = documents, blobs, tx

    async def __call__(self, owner: UserId, id: DocumentId) -> None:
        await self._documents.delete(owner, id)
        await self._tx.commit()
        await self._blobs.delete_prefix(exports_of(owner, id))
