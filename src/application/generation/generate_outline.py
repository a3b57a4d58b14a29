from application.generation.writers import OutlineWriter
from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class GenerateOutline:
    """Plan a document: find its sources, then ask the model for an outline.

    - sources are searched in the document's language, deduplicated and numbered once; a
      document that has sources keeps them
    - the number of sections follows the kind and length; word budgets sum to the target
    - the call's maximum cost is reserved first (QuotaExceeded before anything reaches the
      model) and settled at the real usage; a failed call is released, never charged
    - a new outline replaces the old one and drops sections written for it
    """

    def __init__(self, documents: DocumentRepository, writer: OutlineWriter,
                 ledger: QuotaLedger, tx: TransactionManager, clock: Clock) -> None:
        self._documents, self._writer, self._ledger = documents, writer, ledger
        self._tx, self._clock = tx, clock

    async def __call__(self, owner: UserId, id: DocumentId) -> Document:
        drafted = await self._writer.draft(owner, id)
        await self._documents.save(drafted.document)
        # Settled last, as a job's step does: the same lock order (document row, then the
        # quota rows), or a job and this request on one document deadlock in PostgreSQL.
        await self._ledger.settle(drafted.reservation.id, drafted.usage, self._clock.now())
        await self._tx.commit()
        return drafted.document
