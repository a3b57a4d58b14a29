from dataclasses import dataclass

from application.generation.section_writer import SectionWriter
from domain.documents import Section
from domain.ids import DocumentId, UserId
from domain.own_text import own_section
from domain.ports.documents import DocumentRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteOwnTextRequest:
    owner: UserId
    document_id: DocumentId
    index: int
    text: str
    revision: int | None = None


class WriteOwnText:
    """Save the user's own text as a section (`domain.own_text` says how it is checked).

    - only the owner can; another user's document is NotFound
    - Conflict when the caller's `revision` is not the document's
    - the text it replaces is kept as a revision; the bibliography follows the citations
    - no model call: its claims stay unverified until the user asks for a check
    """

    def __init__(self, documents: DocumentRepository, writer: SectionWriter,
                 tx: TransactionManager, clock: Clock) -> None:
        self._documents, self._writer, self._tx, self._clock = documents, writer, tx, clock

    async def __call__(self, request: WriteOwnTextRequest) -> Section:
        document = await self._documents.get(request.owner, request.document_id)
        document.expect(request.revision)
        section = own_section(document, request.index, request.text, self._clock.now())
        await self._documents.save(await self._writer.apply(document, section))
        await self._tx.commit()
        return section
