"""The parts a document is written in: its outline, its sections, their checked claims and
its numbered sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.ids import DocumentId


def default_key(index: int) -> str:
    """The key of an item planned before items had keys of their own: its first index."""
    return f"s{index}"


@dataclass(frozen=True, slots=True, kw_only=True)
class OutlineItem:
    """A planned section: its budget, a short `brief` of what it covers (so that sections
    written at once do not repeat each other), the search `queries` it was given, and the
    numbers of the sources those queries found, best first. `key` names the item for good:
    its index changes when the outline is reordered, its key (and so its section and the
    section's revisions) stays."""

    index: int
    title: str
    target_words: int
    brief: str = ""
    queries: tuple[str, ...] = ()
    sources: tuple[int, ...] = ()
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", default_key(self.index))


class Provider(StrEnum):
    SEMANTIC_SCHOLAR = "semantic_scholar"
    OPENALEX = "openalex"
    CROSSREF = "crossref"
    OFFLINE = "offline"
    USER = "user"


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    n: int
    title: str
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    doi: str | None
    url: str | None
    abstract: str | None = None
    provider: Provider = Provider.OFFLINE
    cited_by: int | None = None


class Verdict(StrEnum):
    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One (sentence, cited source) pair of a section, as the check judged it. `supported`
    carries `evidence`, a passage that occurs verbatim in the source's abstract."""

    sentence: str
    n: int
    verdict: Verdict
    evidence: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Grounding:
    claims: int = 0
    supported: int = 0
    unsupported: int = 0
    unverified: int = 0

    @classmethod
    def of(cls, claims: tuple[Claim, ...]) -> Grounding:
        verdicts = [claim.verdict for claim in claims]
        return cls(claims=len(verdicts), supported=verdicts.count(Verdict.SUPPORTED),
                   unsupported=verdicts.count(Verdict.UNSUPPORTED),
                   unverified=verdicts.count(Verdict.UNVERIFIED))


class Origin(StrEnum):
    MODEL = "model"
    USER = "user"


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A written section. `model` names the language model that wrote it (None for the
    user's own text); `origin` says who wrote it, `instructions` what the writer was asked
    for beyond the outline, `written_at` when. `key` is its outline item's key."""

    index: int
    title: str
    text: str
    citations: tuple[int, ...]
    claims: tuple[Claim, ...] = ()
    model: str | None = None
    key: str = ""
    origin: Origin = Origin.MODEL
    instructions: str | None = None
    written_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", default_key(self.index))

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionRevision:
    """A section text that was replaced (rewritten, overwritten, restored over, or dropped
    with its outline item), numbered from 1 per document in the order it was replaced."""

    document_id: DocumentId
    revision: int
    section: Section
    replaced_at: datetime

    @property
    def created_at(self) -> datetime:
        """When the text was written; texts from before times were kept, when replaced."""
        return self.section.written_at or self.replaced_at
