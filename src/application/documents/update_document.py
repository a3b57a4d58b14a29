from dataclasses import dataclass, field
from typing import Any

from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateDocumentRequest:
    owner: UserId
    id: DocumentId
    changes: dict[str, Any] = field(default_factory=dict)


class UpdateDocument:
    """Change some fields of a document's spec.

    - only the owner can change it; another user's id is NotFound
    - the changed spec is validated as a whole by the domain
    - every real change bumps the revision (so cached exports are not reused)
    """

    def __init__(self, documents: DocumentRepository, tx: TransactionManager,
                 clock: Clock) -> None:
        self._documents, self._tx, self._clock = documents, tx, clock

    async def __call__(self, request: UpdateDocumentRequest) -> Document:
        document = await self._documents.get(request.owner, request.id)
        revised = document.revise(request.changes, self._clock.now())
        if revised is not document:
            await self._documents.save(revised)
            await self._tx.commit()
        return revised
