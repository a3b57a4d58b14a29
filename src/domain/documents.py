from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from domain.document_parts import Claim as Claim
from domain.document_parts import Grounding as Grounding
from domain.document_parts import Origin as Origin
from domain.document_parts import OutlineItem as OutlineItem
from domain.document_parts import Provider as Provider
from domain.document_parts import Section as Section
from domain.document_parts import SectionRevision as SectionRevision
from domain.document_parts import Source as Source
from domain.document_parts import Verdict as Verdict
from domain.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from domain.ids import DocumentId, UserId
from domain.languages import Language
from domain.title_page import TitlePage

MIN_WORDS, MAX_WORDS = 300, 100_000
TITLE_MAX, TOPIC_MAX, INSTRUCTIONS_MAX = 300, 2_000, 10_000


class Kind(StrEnum):
    THESIS = "thesis"
    COURSEWORK = "coursework"
    ESSAY = "essay"
    ARTICLE = "article"
    REPORT = "report"


class CitationStyle(StrEnum):
    APA = "apa"
    MLA = "mla"
    HARVARD = "harvard"
    CHICAGO = "chicago"
    IEEE = "ieee"
    GOST = "gost"


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    GENERATING = "generating"
    READY = "ready"
    FAILED = "failed"


def _text(value: str, name: str, limit: int, *, required: bool = True) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidInput(f"{name} must not be empty", field=name)
    if len(cleaned) > limit:
        raise InvalidInput(f"{name} must be at most {limit} characters", field=name)
    return cleaned


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentSpec:
    """What the user asked for. Every field is checked here, whoever built the spec."""

    title: str
    topic: str
    kind: Kind
    language: Language
    target_words: int
    citation_style: CitationStyle
    instructions: str | None = None
    title_page: TitlePage = field(default_factory=TitlePage)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _text(self.title, "title", TITLE_MAX))
        object.__setattr__(self, "topic", _text(self.topic, "topic", TOPIC_MAX))
        if self.instructions is not None:
            instructions = _text(self.instructions, "instructions", INSTRUCTIONS_MAX,
                                 required=False)
            object.__setattr__(self, "instructions", instructions or None)
        if not MIN_WORDS <= self.target_words <= MAX_WORDS:
            raise InvalidInput(f"target_words must be between {MIN_WORDS} and {MAX_WORDS}",
                               field="target_words")

    def with_changes(self, changes: dict[str, Any]) -> DocumentSpec:
        unknown = set(changes) - set(self.__dataclass_fields__)
        if unknown:
            raise InvalidInput(f"unknown field {sorted(unknown)[0]}", field=sorted(unknown)[0])
        page = changes.get("title_page")
        if isinstance(page, dict):  # a partial page: the fields given change, the rest stay
            changes = {**changes, "title_page": TitlePage.from_mapping(
                {**self.title_page.as_mapping(), **page})}
        return replace(self, **changes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A piece of academic writing owned by one user.

    `revision` grows by one with every change, so exports and caches can tell versions apart
    and storage can refuse a change made to a version that is no longer current.
    `word_count` is the sum of the sections' words, kept with the document so that lists,
    which leave section texts unread, can show it.
    `removed_sources` are sources the user took out: no longer offered or cited, kept so
    that their numbers are never given again. `revisions_made` counts the section texts
    replaced so far (each kept as a numbered revision); `replaced` holds the revisions made
    since the document was read, which storage keeps when it saves the document.
    """

    id: DocumentId
    owner: UserId
    spec: DocumentSpec
    status: DocumentStatus
    created_at: datetime
    updated_at: datetime
    revision: int = 1
    outline: tuple[OutlineItem, ...] = ()
    sections: tuple[Section, ...] = ()
    sources: tuple[Source, ...] = ()
    bibliography: tuple[str, ...] = ()
    requirements: str | None = None
    word_count: int = 0
    removed_sources: tuple[Source, ...] = ()
    revisions_made: int = 0
    replaced: tuple[SectionRevision, ...] = field(default=(), compare=False)

    @classmethod
    def draft(cls, *, id: DocumentId, owner: UserId, spec: DocumentSpec,
              now: datetime) -> Document:
        return cls(id=id, owner=owner, spec=spec, status=DocumentStatus.DRAFT,
                   created_at=now, updated_at=now)

    def revise(self, changes: dict[str, Any], now: datetime) -> Document:
        """The document with a changed spec. An empty change leaves it as it was."""
        if not changes:
            return self
        return replace(self, spec=self.spec.with_changes(changes), updated_at=now,
                       revision=self.revision + 1)

    def with_outline(self, outline: tuple[OutlineItem, ...], sources: tuple[Source, ...],
                     now: datetime) -> Document:
        """A new outline and source list. Sections written for an earlier outline no longer
        fit it, so they (and the bibliography) are dropped, each kept as a revision."""
        return replace(self.replacing(self.sections, now), outline=outline, sources=sources,
                       sections=(), bibliography=(), word_count=0,
                       status=DocumentStatus.DRAFT, updated_at=now,
                       revision=self.revision + 1)

    def replacing(self, sections: Iterable[Section], now: datetime) -> Document:
        """The document noting `sections` as replaced: each becomes the next revision."""
        made = self.revisions_made
        revisions = []
        for section in sections:
            made += 1
            revisions.append(SectionRevision(document_id=self.id, revision=made,
                                             section=section, replaced_at=now))
        return replace(self, replaced=(*self.replaced, *revisions), revisions_made=made)

    def expect(self, revision: int | None) -> None:
        """Conflict when the caller worked from another revision than this one (a write
        made against a stale copy is refused, never merged blindly)."""
        if revision is not None and revision != self.revision:
            raise Conflict(f"The document is at revision {self.revision}, not {revision}: "
                           "it was changed meanwhile; load it again and retry.")

    def section_at(self, index: int) -> Section:
        """The written section `index`; NotFound when the outline has it but it is not
        written (or the outline does not have it)."""
        self.planned_section(index)
        for section in self.sections:
            if section.index == index:
                return section
        raise NotFound(f"Section {index} is not written yet.")

    def planned_section(self, index: int) -> OutlineItem:
        """The outline item for section `index`. Raises InvalidTransition without an
        outline and NotFound for an index the outline does not have."""
        if not self.outline:
            raise InvalidTransition("This document has no outline yet; write the outline first.")
        for item in self.outline:
            if item.index == index:
                return item
        raise NotFound(f"The outline has no section {index}.")

    def sections_before(self, index: int) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.index < index)

    def with_section(self, section: Section, bibliography: tuple[str, ...],
                     now: datetime) -> Document:
        """The document with `section` written (replacing an earlier version of it, which is
        kept as a revision); it is ready once every section of the outline is written."""
        self.planned_section(section.index)
        earlier = [s for s in self.sections if s.index == section.index
                   and s.text != section.text]  # the same text again is no new revision
        sections = tuple(sorted((*(s for s in self.sections if s.index != section.index),
                                 section), key=lambda s: s.index))
        done = {s.index for s in sections} >= {item.index for item in self.outline}
        status = DocumentStatus.READY if done else self.status
        return replace(self.replacing(earlier, now), sections=sections,
                       bibliography=bibliography, status=status,
                       word_count=sum(s.word_count for s in sections), updated_at=now,
                       revision=self.revision + 1)

    @property
    def grounding(self) -> Grounding:
        """The claim checks' totals over every section."""
        return Grounding.of(tuple(claim for s in self.sections for claim in s.claims))

    @property
    def models(self) -> tuple[str, ...]:
        """The language models that wrote the sections, in order of first use."""
        return tuple(dict.fromkeys(s.model for s in self.sections if s.model))

    def cited_sources(self, sections: tuple[Section, ...] | None = None) -> tuple[Source, ...]:
        """The sources cited anywhere in the sections, in source order."""
        cited = {n for s in (self.sections if sections is None else sections)
                 for n in s.citations}
        return tuple(source for source in self.sources if source.n in cited)

    def with_requirements(self, requirements: str, now: datetime) -> Document:
        return replace(self, requirements=requirements, updated_at=now,
                       revision=self.revision + 1)

    def with_status(self, status: DocumentStatus, now: datetime) -> Document:
        """The document following its job: a finished or cancelled job leaves it ready when
        every section is written."""
        complete = bool(self.outline) and {s.index for s in self.sections} >= {
            item.index for item in self.outline}
        if status in (DocumentStatus.DRAFT, DocumentStatus.READY):
            status = DocumentStatus.READY if complete else DocumentStatus.DRAFT
        if status is self.status:
            return self
        return replace(self, status=status, updated_at=now, revision=self.revision + 1)
