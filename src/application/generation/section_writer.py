"""Writing one section: the model's text from the outline, the briefs and the section's
evidence; then its length brought within ±15% of the budget, and every cited sentence
checked against the abstracts it cites. Shared by the synchronous endpoint and the job
runner, which writes several sections of a document at once: `draft` works from the
document as it was read, and `apply` puts the section into the document as it is when the
caller saves."""

from dataclasses import dataclass, replace

from application.generation.check_prompts import check_max_tokens, check_prompt
from application.generation.continuation_prompts import continuation_prompt
from application.generation.metered_model import Holder, MeteredModel, Spent
from application.generation.policy import GenerationPolicy
from application.generation.prompts import section_prompt
from domain.citations import resolve_citations
from domain.claims import (
    CLAIMS_SCHEMA,
    CLAIMS_SCHEMA_NAME,
    abstracts_of,
    cited_sentences,
    judge,
    unverified,
    without_unsupported,
)
from domain.documents import Claim, Document, OutlineItem, Section
from domain.ids import DocumentId, UserId
from domain.length import cut_to_budget, missing_words, too_long, too_short
from domain.ports.bibliography import BibliographyFormatter
from domain.ports.documents import DocumentRepository
from domain.ports.language_model import InvalidModelOutput, LanguageModelUnavailable
from domain.ports.system import Clock
from domain.quota import QuotaExceeded

MAX_CONTINUATIONS = 2
# What a continuation or a check may run into without the section failing: the text stays
# as it is (shorter), or its claims unverified.
DEGRADES = (LanguageModelUnavailable, InvalidModelOutput, QuotaExceeded)
# The checker is asked once while writing: an answer that is not valid leaves the claims
# unverified (the user can ask for a check again), so holding for re-asks would only make
# every section reserve several times what it spends. A check the user asks for
# (`verified`) may ask as often as the model allows.
WRITING_CHECK_ATTEMPTS = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionDraft:
    """A written section and the calls that wrote it, to settle when it is saved."""

    section: Section
    spent: tuple[Spent, ...]


class SectionWriter:
    """Writes a section of a planned document.

    - the model gets the spec, the outline with every section's brief, the sources chosen
      for this section with their abstracts, and (for the introduction and the conclusion)
      summaries of the body; markers `[n]` naming no source are removed
    - a text under 85% of the budget is continued (at most twice); one over 115% is cut at a
      sentence end
    - every cited sentence is checked in one structured call against the abstracts it
      cites (`domain.claims.judge`): unsupported markers are removed (the sentence stays);
      without abstracts, or when the check cannot run, the claims are unverified
    - every call is metered; a failed call is released, and when the section fails, so
      are the calls that answered before: a failed step is charged nothing
    """

    def __init__(self, documents: DocumentRepository, metered: MeteredModel,
                 bibliography: BibliographyFormatter, clock: Clock,
                 policy: GenerationPolicy) -> None:
        self._documents, self._metered, self._bibliography = documents, metered, bibliography
        self._clock, self._policy = clock, policy

    async def draft(self, owner: UserId, id: DocumentId, index: int,
                    holder: Holder | None = None, *,
                    instructions: str | None = None) -> SectionDraft:
        """Section `index` written anew; `instructions` (a rewrite the user asked for) go
        into the prompt with the text they replace."""
        document = await self._documents.get(owner, id)
        item = document.planned_section(index)
        spent: list[Spent] = []
        try:
            text, model = await self._write(owner, document, item, holder, spent,
                                            instructions)
            text = await self._to_length(owner, document, item, text, holder, spent)
            claims = await self._check(owner, document, text, holder, spent)
        except BaseException:
            await self._metered.abandon_all(spent)
            raise
        text, cited = without_unsupported(text, claims)
        section = Section(index=item.index, title=item.title, text=text, citations=cited,
                          claims=claims, model=model, key=item.key, instructions=instructions,
                          written_at=self._clock.now())
        return SectionDraft(section=section, spent=tuple(spent))

    async def verified(self, owner: UserId, document: Document, section: Section,
                       holder: Holder | None = None) -> SectionDraft:
        """`section` with its cited sentences checked again (the user asked for it, so a
        check that cannot be paid for or reached fails rather than leaving claims
        unverified); unsupported markers are removed."""
        spent: list[Spent] = []
        try:
            claims = await self._check(owner, document, section.text, holder, spent,
                                       strict=True)
        except BaseException:
            await self._metered.abandon_all(spent)
            raise
        text, cited = without_unsupported(section.text, claims)
        return SectionDraft(section=replace(section, text=text, citations=cited, claims=claims),
                            spent=tuple(spent))

    async def apply(self, document: Document, section: Section) -> Document:
        """The document with `section` written and its bibliography formatted anew. Markers
        of sources removed while the section was being written leave it here."""
        offered = {s.n for s in document.sources}
        if not set(section.citations) <= offered:
            text, cited = resolve_citations(section.text, offered)
            section = replace(section, text=text, citations=cited,
                              claims=tuple(c for c in section.claims if c.n in offered))
        sections = (*(s for s in document.sections if s.index != section.index), section)
        entries = await self._bibliography.format(document.cited_sources(sections),
                                                  document.spec.citation_style,
                                                  document.spec.language)
        return document.with_section(section, tuple(entries), self._clock.now())

    async def _write(self, owner: UserId, document: Document, item: OutlineItem,
                     holder: Holder | None, spent: list[Spent],
                     instructions: str | None) -> tuple[str, str]:
        prompt = section_prompt(document, item, self._policy.sources_per_section,
                                instructions)
        completion, call = await self._metered.complete(
            owner, prompt, self._policy.section_max_tokens(item.target_words), holder)
        spent.append(call)
        return self._resolved(document, completion.text), completion.usage.model

    async def _to_length(self, owner: UserId, document: Document, item: OutlineItem,
                         text: str, holder: Holder | None, spent: list[Spent]) -> str:
        budget = item.target_words
        for _ in range(MAX_CONTINUATIONS):
            if not too_short(text, budget):
                break
            missing = missing_words(text, budget)
            prompt = continuation_prompt(document, item, text, missing,
                                         sources_limit=self._policy.sources_per_section)
            try:
                completion, call = await self._metered.complete(
                    owner, prompt, self._policy.section_max_tokens(missing), holder)
            except DEGRADES:
                break
            spent.append(call)
            more = self._resolved(document, completion.text)
            if not more:
                break
            text = f"{text}\n\n{more}"
        if too_long(text, budget):
            text = self._resolved(document, cut_to_budget(text, budget))
        return text

    async def _check(self, owner: UserId, document: Document, text: str,
                     holder: Holder | None, spent: list[Spent], *,
                     strict: bool = False) -> tuple[Claim, ...]:
        sentences = cited_sentences(text)
        abstracts = abstracts_of(document.sources)
        prompt = check_prompt(document, sentences, document.sources)
        if prompt is None:
            return unverified(sentences)
        try:
            answer, call = await self._metered.complete_json(
                owner, prompt, schema=CLAIMS_SCHEMA, schema_name=CLAIMS_SCHEMA_NAME,
                max_tokens=check_max_tokens(sentences, abstracts), holder=holder,
                attempts=None if strict else WRITING_CHECK_ATTEMPTS)
        except DEGRADES:
            if strict:
                raise
            return unverified(sentences)
        spent.append(call)
        return judge(answer, sentences, abstracts)

    @staticmethod
    def _resolved(document: Document, text: str) -> str:
        return resolve_citations(text.strip(), {s.n for s in document.sources})[0]
