from abc import abstractmethod
from dataclasses import dataclass
from typing import Protocol

from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.users import User


@dataclass(frozen=True, slots=True)
class CallerAndDocument:
    """What one read found: the user with the id (None: no such user) and that user's
    document with the id (None: missing, another user's, or no such user)."""

    user: User | None
    document: Document | None


class OwnDocumentReads(Protocol):
    """The signed-in caller and one of their documents, for the document's own screen.

    - `caller_and_document` reads the user and the document together, as one consistent
      read of committed data (one statement where the storage has statements), outside any
      unit of work: it writes nothing and takes no locks.
    - a document is only ever returned to its owner: another user's id is None, like a
      missing one.
    """

    @abstractmethod
    async def caller_and_document(self, user: UserId,
                                  document: DocumentId) -> CallerAndDocument: ...
