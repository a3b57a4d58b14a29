from domain.documents import Document
from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.ports.documents import DocumentRepository


class ListDocuments:
    """The signed-in user's documents, newest first, one page at a time, without section
    texts."""

    def __init__(self, documents: DocumentRepository) -> None:
        self._documents = documents

    async def __call__(self, owner: UserId, page: PageRequest) -> Page[Document]:
        return await self._documents.list(owner, page)
