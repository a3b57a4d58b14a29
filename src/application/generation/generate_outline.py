from application.generation.metered_model import MeteredModel
from application.generation.outline_writer import OutlineWriter
from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.transactions import TransactionManager


class GenerateOutline:
    """Plan a document: the model's outline, then each section's sources (OutlineWriter).

    - sources are searched per section, deduplicated and numbered once; a document that
      has sources keeps them and their numbers
    - the number of sections follows the kind and length; word budgets sum to the target
    - the call's maximum cost is reserved first (QuotaExceeded before anything reaches the
      model) and settled at the real usage; a failed call is released, never charged
    - a new outline replaces the old one and drops sections written for it
    """

    def __init__(self, documents: DocumentRepository, writer: OutlineWriter,
                 metered: MeteredModel, tx: TransactionManager) -> None:
        self._documents, self._writer, self._metered, self._tx = documents, writer, metered, tx

    async def __call__(self, owner: UserId, id: DocumentId) -> Document:
        outlined = await self._writer.draft(owner, id)
        await self._documents.save(outlined.document)
        # Settled last, as a job's step does: the same lock order (document row, then the
        # quota rows), or a job and this request on one document deadlock in PostgreSQL.
        await self._metered.settle(outlined.spent)
        await self._tx.commit()
        return outlined.document
