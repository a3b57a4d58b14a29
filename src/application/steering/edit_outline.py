from collections.abc import Sequence
from dataclasses import dataclass

from application.steering.bibliography import with_bibliography
from domain.documents import Document
from domain.errors import Conflict
from domain.ids import DocumentId, UserId
from domain.outline_edit import PlannedItem, edited_outline
from domain.ports.bibliography import BibliographyFormatter
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager

JOB_RUNNING = ("A job is writing this document; wait for it or cancel it before changing "
               "the outline.")


@dataclass(frozen=True, slots=True, kw_only=True)
class EditOutlineRequest:
    owner: UserId
    document_id: DocumentId
    items: Sequence[PlannedItem]
    revision: int | None = None


class EditOutline:
    """Reshape a document's outline (`domain.outline_edit` says how).

    - only the owner can; another user's document is NotFound
    - Conflict while a job is queued or running for the document, and when the caller's
      `revision` is not the document's
    - dropped sections are kept as revisions; the bibliography follows what is still cited
    """

    def __init__(self, documents: DocumentRepository, jobs: JobRepository,
                 bibliography: BibliographyFormatter, tx: TransactionManager, clock: Clock,
                 ids: IdGenerator) -> None:
        self._documents, self._jobs, self._bibliography = documents, jobs, bibliography
        self._tx, self._clock, self._ids = tx, clock, ids

    async def __call__(self, request: EditOutlineRequest) -> Document:
        document = await self._documents.get(request.owner, request.document_id)
        document.expect(request.revision)
        if await self._jobs.active_for_document(document.id) is not None:
            raise Conflict(JOB_RUNNING)
        edited = edited_outline(document, request.items, lambda: self._ids.new_id().hex,
                                self._clock.now())
        edited = await with_bibliography(edited, self._bibliography)
        await self._documents.save(edited)
        await self._tx.commit()
        return edited
