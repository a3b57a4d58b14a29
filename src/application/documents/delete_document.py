from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.transactions import TransactionManager


class DeleteDocument:
    """Delete a document for good; another user's id is NotFound, like a missing one."""

    def __init__(self, documents: DocumentRepository, tx: TransactionManager) -> None:
        self._documents, self._tx = documents, tx

    async def __call__(self, owner: UserId, id: DocumentId) -> None:
        await self._documents.delete(owner, id)
        await self._tx.commit()
