from dataclasses import dataclass

from application.generation.section_writer import SectionWriter
from domain.documents import Section, SectionRevision
from domain.ids import DocumentId, UserId
from domain.own_text import restored_section
from domain.pages import Page, PageRequest
from domain.ports.documents import DocumentRepository
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.transactions import TransactionManager


class ListRevisions:
    """The replaced texts of one section, newest first. NotFound for another user's
    document and for an index the outline does not have."""

    def __init__(self, documents: DocumentRepository,
                 revisions: SectionRevisionRepository) -> None:
        self._documents, self._revisions = documents, revisions

    async def __call__(self, owner: UserId, document_id: DocumentId, index: int,
                       page: PageRequest) -> Page[SectionRevision]:
        document = await self._documents.get(owner, document_id)
        item = document.planned_section(index)
        return await self._revisions.history(owner, document_id, item.key, page)


@dataclass(frozen=True, slots=True, kw_only=True)
class RestoreRevisionRequest:
    owner: UserId
    document_id: DocumentId
    index: int
    revision: int
    expected_revision: int | None = None


class RestoreRevision:
    """Bring back an earlier text of a section.

    - NotFound for another user's document and for a revision that is not this section's
    - the current text (if any) becomes a revision in turn, so a restore can be undone by
      restoring that one
    - markers of sources removed since are left out (`domain.own_text`)
    - Conflict when the caller's `expected_revision` is not the document's
    """

    def __init__(self, documents: DocumentRepository, revisions: SectionRevisionRepository,
                 writer: SectionWriter, tx: TransactionManager) -> None:
        self._documents, self._revisions, self._writer = documents, revisions, writer
        self._tx = tx

    async def __call__(self, request: RestoreRevisionRequest) -> Section:
        document = await self._documents.get(request.owner, request.document_id)
        document.expect(request.expected_revision)
        kept = await self._revisions.get(request.owner, request.document_id, request.revision)
        section = restored_section(document, request.index, kept)
        await self._documents.save(await self._writer.apply(document, section))
        await self._tx.commit()
        return section
