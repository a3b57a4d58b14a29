from dataclasses import dataclass

from application.generation.metered_model import MeteredModel
from application.generation.section_writer import SectionWriter
from domain.documents import Section
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.transactions import TransactionManager


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateSectionRequest:
    owner: UserId
    document_id: DocumentId
    index: int
    instructions: str | None = None


class GenerateSection:
    """Write one section of a document that has an outline.

    - the model gets the spec, the outline, the numbered sources and a summary of the
      sections before this one, and writes to the section's word budget in the document's
      language
    - markers `[n]` that resolve to no source are removed before the text is saved;
      `citations` lists the sources the section cites
    - the bibliography is formatted anew in the document's style and lists exactly the
      sources cited in its sections
    - with `instructions` the section is rewritten following them (they reach the prompt
      with the text they replace, never the system text); the replaced text is kept as a
      revision, as every replaced text is
    - the maximum cost is reserved first and settled at the real usage in the same
      transaction that saves the section; a failed call is released, never charged
    """

    def __init__(self, documents: DocumentRepository, writer: SectionWriter,
                 metered: MeteredModel, tx: TransactionManager) -> None:
        self._documents, self._writer, self._metered, self._tx = documents, writer, metered, tx

    async def __call__(self, request: GenerateSectionRequest) -> Section:
        draft = await self._writer.draft(request.owner, request.document_id, request.index,
                                         instructions=request.instructions)
        try:
            document = await self._documents.get(request.owner, request.document_id)
            await self._documents.save(await self._writer.apply(document, draft.section))
            # Settled last, as a job's step does: the same lock order (document row, then
            # the quota rows), or a job and this request on one document deadlock.
            await self._metered.settle(draft.spent)
            await self._tx.commit()
        except BaseException:
            await self._metered.abandon_all(draft.spent)
            raise
        return draft.section
