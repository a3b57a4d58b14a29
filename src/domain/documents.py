from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from domain.errors import InvalidInput
from domain.ids import DocumentId, UserId
from domain.languages import Language

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
        return replace(self, **changes)


@dataclass(frozen=True, slots=True, kw_only=True)
class OutlineItem:
    index: int
    title: str
    target_words: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    n: int
    title: str
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    doi: str | None
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    index: int
    title: str
    text: str
    citations: tuple[int, ...]

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A piece of academic writing owned by one user.

    `revision` grows with every change, so exports and caches can tell versions apart.
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

    @classmethod
    def draft(cls, *, id: DocumentId, owner: UserId, spec: DocumentSpec,
              now: datetime) -> Document:
        return cls(id=id, owner=owner, spec=spec, status=DocumentStatus.DRAFT,
                   created_at=now, updated_at=now)

    @property
    def word_count(self) -> int:
        return sum(section.word_count for section in self.sections)

    def revise(self, changes: dict[str, Any], now: datetime) -> Document:
        """The document with a changed spec. An empty change leaves it as it was."""
        if not changes:
            return self
        return replace(self, spec=self.spec.with_changes(changes), updated_at=now,
                       revision=self.revision + 1)
