"""The model steps of generation, shared by the synchronous endpoints and the job runner.
Each reserves its maximum cost (committed at once), asks the model, and hands back the
changed document with the reservation to settle; the caller saves and settles in its own
transaction, so a job can checkpoint the section, its progress and its tokens together."""

from dataclasses import dataclass
from typing import Any

from application.generation.metered_model import MeteredModel, OnHold
from application.generation.policy import GenerationPolicy
from application.generation.prompts import OUTLINE_SCHEMA, outline_prompt, section_prompt
from domain.citations import resolve_citations
from domain.documents import Document, OutlineItem, Section
from domain.errors import InvalidInput
from domain.ids import DocumentId, UserId
from domain.outline import plan_outline, section_count
from domain.ports.bibliography import BibliographyFormatter
from domain.ports.documents import DocumentRepository
from domain.ports.language_model import InvalidModelOutput
from domain.ports.sources import SourceFinder
from domain.ports.system import Clock
from domain.quota import Reservation, Usage
from domain.sources import number_sources


@dataclass(frozen=True, slots=True, kw_only=True)
class Drafted:
    document: Document
    reservation: Reservation
    usage: Usage
    section: Section | None = None


class OutlineWriter:
    def __init__(self, documents: DocumentRepository, finder: SourceFinder,
                 metered: MeteredModel, clock: Clock, policy: GenerationPolicy) -> None:
        self._documents, self._finder, self._metered = documents, finder, metered
        self._clock, self._policy = clock, policy

    async def draft(self, owner: UserId, id: DocumentId,
                    on_hold: OnHold | None = None) -> Drafted:
        document = await self._documents.get(owner, id)
        spec = document.spec
        sources = document.sources or number_sources(
            await self._finder.search(f"{spec.title}. {spec.topic}", language=spec.language,
                                      limit=self._policy.sources_per_document * 2),
            limit=self._policy.sources_per_document)
        count = section_count(spec.kind, spec.target_words)
        prompt = outline_prompt(document, sources, count)
        max_tokens = self._policy.outline_max_tokens(count)
        reservation = await self._metered.reserve(owner, prompt, max_tokens,
                                                  attempts=self._metered.model.json_attempts,
                                                  on_hold=on_hold)
        try:
            answer, completion = await self._metered.model.complete_json(
                prompt, schema=OUTLINE_SCHEMA, schema_name="outline", max_tokens=max_tokens)
            outline = _planned(answer, spec.target_words)
        except BaseException:
            await self._metered.abandon(reservation)
            raise
        document = await self._documents.get(owner, id)
        return Drafted(document=document.with_outline(outline, sources, self._clock.now()),
                       reservation=reservation, usage=completion.usage)


class SectionWriter:
    def __init__(self, documents: DocumentRepository, metered: MeteredModel,
                 bibliography: BibliographyFormatter, clock: Clock,
                 policy: GenerationPolicy) -> None:
        self._documents, self._metered, self._bibliography = documents, metered, bibliography
        self._clock, self._policy = clock, policy

    async def draft(self, owner: UserId, id: DocumentId, index: int,
                    on_hold: OnHold | None = None) -> Drafted:
        document = await self._documents.get(owner, id)
        item = document.planned_section(index)
        prompt = section_prompt(document, item)
        max_tokens = self._policy.section_max_tokens(item.target_words)
        reservation = await self._metered.reserve(owner, prompt, max_tokens, on_hold=on_hold)
        try:
            completion = await self._metered.model.complete(prompt, max_tokens=max_tokens)
        except BaseException:
            await self._metered.abandon(reservation)
            raise
        document = await self._documents.get(owner, id)
        text, cited = resolve_citations(completion.text.strip(),
                                        {source.n for source in document.sources})
        section = Section(index=item.index, title=item.title, text=text, citations=cited)
        sections = (*(s for s in document.sections if s.index != section.index), section)
        entries = await self._bibliography.format(document.cited_sources(sections),
                                                  document.spec.citation_style,
                                                  document.spec.language)
        written = document.with_section(section, tuple(entries), self._clock.now())
        return Drafted(document=written, reservation=reservation, usage=completion.usage,
                       section=section)


def _planned(answer: dict[str, Any], target_words: int) -> tuple[OutlineItem, ...]:
    try:
        drafted = [(str(item["title"]), int(item["target_words"])) for item in answer["sections"]]
        return plan_outline(drafted, target_words)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidModelOutput("The outline the model returned has the wrong shape.") from error
    except InvalidInput as error:
        raise InvalidModelOutput(f"The model's outline is unusable: {error.message}") from error
