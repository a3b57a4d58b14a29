from dataclasses import dataclass

from application.generation.metered_model import MeteredModel
from application.generation.section_writer import SectionWriter
from domain.documents import Section
from domain.errors import Conflict
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.transactions import TransactionManager

CHANGED = "The section was changed while it was being checked; check it again."


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifySectionRequest:
    owner: UserId
    document_id: DocumentId
    index: int


class VerifySection:
    """Check the cited sentences of a written section against their sources' abstracts.

    - NotFound for another user's document and for a section not written yet
    - a paid model call, reserved and settled like any other; when it cannot be paid for
      or the model cannot be reached, the request fails (402/429/503) and nothing changes
    - unsupported markers are removed from the text; the text checked is kept as a
      revision when that changes it
    - Conflict when the section changed while it was being checked (nothing is charged)
    """

    def __init__(self, documents: DocumentRepository, writer: SectionWriter,
                 metered: MeteredModel, tx: TransactionManager) -> None:
        self._documents, self._writer, self._metered, self._tx = documents, writer, metered, tx

    async def __call__(self, request: VerifySectionRequest) -> Section:
        document = await self._documents.get(request.owner, request.document_id)
        section = document.section_at(request.index)
        await self._tx.rollback()  # no transaction stays open during the model call
        draft = await self._writer.verified(request.owner, document, section)
        try:
            current = await self._documents.get(request.owner, request.document_id)
            if current.section_at(request.index) != section:
                raise Conflict(CHANGED)
            await self._documents.save(await self._writer.apply(current, draft.section))
            await self._metered.settle(draft.spent)
            await self._tx.commit()
        except BaseException:
            await self._metered.abandon_all(draft.spent)
            raise
        return draft.section
