from dataclasses import dataclass

from application.generation.writers import SectionWriter
from domain.documents import Section
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateSectionRequest:
    owner: UserId
    document_id: DocumentId
    index: int


class GenerateSection:
    """Write one section of a document that has an outline.

    - the model gets the spec, the outline, the numbered sources and a summary of the
      sections before this one, and writes to the section's word budget in the document's
      language
    - markers `[n]` that resolve to no source are removed before the text is saved;
      `citations` lists the sources the section cites
    - the bibliography is formatted anew in the document's style and lists exactly the
      sources cited in its sections
    - the maximum cost is reserved first and settled at the real usage in the same
      transaction that saves the section; a failed call is released, never charged
    """

    def __init__(self, documents: DocumentRepository, writer: SectionWriter,
                 ledger: QuotaLedger, tx: TransactionManager, clock: Clock) -> None:
        self._documents, self._writer, self._ledger = documents, writer, ledger
        self._tx, self._clock = tx, clock

    async def __call__(self, request: GenerateSectionRequest) -> Section:
        drafted = await self._writer.draft(request.owner, request.document_id, request.index)
        await self._documents.save(drafted.document)
        # Settled last, as a job's step does: the same lock order (document row, then the
        # quota rows), or a job and this request on one document deadlock in PostgreSQL.
        await self._ledger.settle(drafted.reservation.id, drafted.usage, self._clock.now())
        await self._tx.commit()
        assert drafted.section is not None
        return drafted.section
