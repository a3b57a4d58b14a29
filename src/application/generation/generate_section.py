from dataclasses import dataclass

from application.generation.metered_model import MeteredModel
from application.generation.policy import GenerationPolicy
from application.generation.prompts import section_prompt
from domain.citations import resolve_citations
from domain.documents import Section
from domain.ids import DocumentId, UserId
from domain.ports.bibliography import BibliographyFormatter
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

    def __init__(self, documents: DocumentRepository, metered: MeteredModel,
                 ledger: QuotaLedger, bibliography: BibliographyFormatter,
                 tx: TransactionManager, clock: Clock, policy: GenerationPolicy) -> None:
        self._documents, self._metered, self._ledger = documents, metered, ledger
        self._bibliography, self._tx, self._clock, self._policy = bibliography, tx, clock, policy

    async def __call__(self, request: GenerateSectionRequest) -> Section:
        document = await self._documents.get(request.owner, request.document_id)
        item = document.planned_section(request.index)
        prompt = section_prompt(document, item)
        max_tokens = self._policy.section_max_tokens(item.target_words)
        reservation = await self._metered.reserve(request.owner, prompt, max_tokens)
        try:
            completion = await self._metered.model.complete(prompt, max_tokens=max_tokens)
        except BaseException:
            await self._metered.abandon(reservation)
            raise
        document = await self._documents.get(request.owner, request.document_id)
        text, cited = resolve_citations(completion.text.strip(),
                                        {source.n for source in document.sources})
        section = Section(index=item.index, title=item.title, text=text, citations=cited)
        sections = (*(s for s in document.sections if s.index != section.index), section)
        entries = await self._bibliography.format(document.cited_sources(sections),
                                                  document.spec.citation_style,
                                                  document.spec.language)
        await self._ledger.settle(reservation.id, completion.usage, self._clock.now())
        await self._documents.save(document.with_section(section, tuple(entries),
                                                         self._clock.now()))
        await self._tx.commit()
        return section
