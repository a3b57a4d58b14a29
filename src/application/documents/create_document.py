from dataclasses import dataclass, replace

from domain.documents import Document, DocumentSpec
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateDocumentRequest:
    owner: UserId
    spec: DocumentSpec


class CreateDocument:
    """Create a draft document.

    - the owner is the signed-in user; nobody else can see it
    - the spec was validated by the domain before it got here
    - a title page that names no author takes the owner's display name, when they have one
    """

    def __init__(self, documents: DocumentRepository, users: UserRepository,
                 tx: TransactionManager, clock: Clock, ids: IdGenerator) -> None:
        self._documents, self._users = documents, users
        self._tx, self._clock, self._ids = tx, clock, ids

    async def __call__(self, request: CreateDocumentRequest) -> Document:
        owner = await self._users.get(request.owner)
        spec = replace(request.spec, title_page=request.spec.title_page.with_default_author(
            owner.display_name))
        document = Document.draft(id=DocumentId(self._ids.new_id()), owner=owner.id,
                                  spec=spec, now=self._clock.now())
        await self._documents.add(document)
        await self._tx.commit()
        return document
