from dataclasses import dataclass

from domain.documents import Document, DocumentSpec
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateDocumentRequest:
    owner: UserId
    spec: DocumentSpec


class CreateDocument:
    """Create a draft document.

    - the owner is the signed-in user; nobody else can see it
    - the spec was validated by the domain before it got here
    """

    def __init__(self, documents: DocumentRepository, tx: TransactionManager, clock: Clock,
                 ids: IdGenerator) -> None:
        self._documents, self._tx, self._clock, self._ids = documents, tx, clock, ids

    async def __call__(self, request: CreateDocumentRequest) -> Document:
        document = Document.draft(id=DocumentId(self._ids.new_id()), owner=request.owner,
                                  spec=request.spec, now=self._clock.now())
        await self._documents.add(document)
        await self._tx.commit()
        return document
