from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository


class GetDocument:
    """One document of the signed-in user; another user's id is NotFound, like a missing one."""

    def __init__(self, documents: DocumentRepository) -> None:
        self._documents = documents

    async def __call__(self, owner: UserId, id: DocumentId) -> Document:
        return await self._documents.get(owner, id)
