from adapters.memory.database import DOCUMENTS, USERS, InMemoryDatabase
from adapters.memory.transactions import InMemoryTransactionManager
from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.ports.document_reads import CallerAndDocument, OwnDocumentReads
from domain.users import User


class InMemoryOwnDocumentReads(OwnDocumentReads):
    """Reads the committed rows through a unit of work of its own, opened per read."""

    def __init__(self, db: InMemoryDatabase) -> None:
        self._db = db

    async def caller_and_document(self, user: UserId,
                                  document: DocumentId) -> CallerAndDocument:
        tx = InMemoryTransactionManager(self._db)
        caller: User | None = tx.get(USERS, user)
        found: Document | None = tx.get(DOCUMENTS, document)
        if caller is None or found is None or found.owner != user:
            found = None
        return CallerAndDocument(caller, found)
