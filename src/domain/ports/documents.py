from abc import abstractmethod
from collections.abc import Sequence
from typing import Protocol

from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.pages import Page, PageRequest


class DocumentRepository(Protocol):
    """Documents, always seen through their owner.

    - `get` raises NotFound for a missing id and for another owner's id alike.
    - `save` stores a changed document: its revision must be the one after the revision
      storage holds, otherwise someone else changed it since it was read and `save` raises
      Conflict, writing nothing (no lost updates). NotFound if the document is gone.
      `add` and `save` also keep the document's `replaced` section texts as revisions (see
      SectionRevisionRepository), in the same unit of work; a revision already kept is
      left as it is.
    - `delete` raises NotFound for a missing or foreign id; the document's revisions go
      with it.
    - `list` pages through one owner's documents, newest first; items leave section texts
      out (sections are empty) and `total` counts all of the owner's documents.
    - `delete_all` erases every document of an owner, and their revisions.
    - `all_of` returns every document of an owner in full (sections included), oldest
      first, in one round trip.
    """

    @abstractmethod
    async def add(self, document: Document) -> None: ...

    @abstractmethod
    async def get(self, owner: UserId, id: DocumentId) -> Document: ...

    @abstractmethod
    async def save(self, document: Document) -> None: ...

    @abstractmethod
    async def delete(self, owner: UserId, id: DocumentId) -> None: ...

    @abstractmethod
    async def list(self, owner: UserId, page: PageRequest) -> Page[Document]: ...

    @abstractmethod
    async def delete_all(self, owner: UserId) -> None: ...

    @abstractmethod
    async def all_of(self, owner: UserId) -> Sequence[Document]: ...
