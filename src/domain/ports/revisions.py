from abc import abstractmethod
from collections.abc import Sequence
from typing import Protocol

from domain.documents import SectionRevision
from domain.ids import DocumentId, UserId
from domain.pages import Page, PageRequest


class SectionRevisionRepository(Protocol):
    """Replaced section texts, always seen through their document's owner. They are
    written by `DocumentRepository.save` (a document's `replaced`), never here, and go
    with their document when it is deleted.

    - `history` pages through the revisions of one section (by its outline key), newest
      first; an unknown or foreign document gives an empty page
    - `get` returns revision `revision` of a document; NotFound for a missing revision and
      for another owner's document alike
    - `all_of` returns every revision of an owner's documents, by document then revision,
      in one round trip (the GDPR export)
    """

    @abstractmethod
    async def history(self, owner: UserId, document_id: DocumentId, key: str,
                      page: PageRequest) -> Page[SectionRevision]: ...

    @abstractmethod
    async def get(self, owner: UserId, document_id: DocumentId,
                  revision: int) -> SectionRevision: ...

    @abstractmethod
    async def all_of(self, owner: UserId) -> Sequence[SectionRevision]: ...
