"""The parts a document is written in: its outline, its sections, their checked claims and
its numbered sources."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True, kw_only=True)
class OutlineItem:
    """A planned section: its budget, a short `brief` of what it covers (so that sections
    written at once do not repeat each other), the search `queries` it was given, and the
    numbers of the sources those queries found, best first."""

    index: int
    title: str
    target_words: int
    brief: str = ""
    queries: tuple[str, ...] = ()
    sources: tuple[int, ...] = ()


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A written section. `model` names the language model that wrote it (None for the
    user's own text)."""

    index: int
    title: str
    text: str
    citations: tuple[int, ...]
    claims: tuple[Claim, ...] = ()
    model: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())
