from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from msgspec import UNSET, Meta, UnsetType

from domain.documents import (
    INSTRUCTIONS_MAX,
    MAX_WORDS,
    MIN_WORDS,
    TITLE_MAX,
    TOPIC_MAX,
    CitationStyle,
    Claim,
    Document,
    DocumentSpec,
    Grounding,
    Kind,
    OutlineItem,
    Provider,
    Section,
    Source,
    Verdict,
)
from domain.languages import ISO_639_1, Language
from domain.pages import Page
from domain.title_page import FIELD_MAX, YEAR_MAX, YEAR_MIN, TitlePage
from entrypoints.http.schema_base import Strict, pattern, text

Title = Annotated[str, text(min_length=1, max_length=TITLE_MAX, blank=False)]
Topic = Annotated[str, text(min_length=1, max_length=TOPIC_MAX, blank=False)]
# The codes the domain accepts, as a pattern: the schema names them and msgspec checks them.
LanguageCode = Annotated[str, Meta(
    # (?!\n): Python's `$` also matches before a final line feed, ECMA's does not.
    pattern=pattern("^(?:" + "|".join(sorted(ISO_639_1)) + ")(?!\n)$",
                    "must be an ISO 639-1 code such as 'en' or 'uk'"),
    description="An ISO 639-1 code such as `en` or `uk`.")]
TargetWords = Annotated[int, Meta(ge=MIN_WORDS, le=MAX_WORDS)]
Instructions = Annotated[str, text(max_length=INSTRUCTIONS_MAX)]
PageLine = Annotated[str, text(max_length=FIELD_MAX)]
Year = Annotated[int, Meta(ge=YEAR_MIN, le=YEAR_MAX)]


class TitlePageIn(Strict, kw_only=True, frozen=True):
    """What the title page prints besides the title and kind; a blank line is none.
    `author` defaults to the user's `display_name`, `year` to the year of the export."""

    author: PageLine | None = None
    institution: PageLine | None = None
    faculty: PageLine | None = None
    department: PageLine | None = None
    supervisor: PageLine | None = None
    city: PageLine | None = None
    year: Year | None = None

    def to_page(self) -> TitlePage:
        return TitlePage.from_mapping({f: getattr(self, f) for f in self.__struct_fields__})


class TitlePagePatch(Strict, kw_only=True, frozen=True):
    """The title page fields to change; those left out stay, null clears one."""

    author: PageLine | UnsetType | None = UNSET
    institution: PageLine | UnsetType | None = UNSET
    faculty: PageLine | UnsetType | None = UNSET
    department: PageLine | UnsetType | None = UNSET
    supervisor: PageLine | UnsetType | None = UNSET
    city: PageLine | UnsetType | None = UNSET
    year: Year | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        given = {f: getattr(self, f) for f in self.__struct_fields__}
        return {f: v for f, v in given.items() if v is not UNSET}


class TitlePageOut(Strict, kw_only=True, frozen=True):
    author: str | None
    institution: str | None
    faculty: str | None
    department: str | None
    supervisor: str | None
    city: str | None
    year: int | None

    @classmethod
    def of(cls, page: TitlePage) -> TitlePageOut:
        return cls(**page.as_mapping())


class DocumentIn(Strict, kw_only=True, frozen=True):
    title: Title
    topic: Topic
    kind: Kind
    language: LanguageCode
    target_words: TargetWords
    citation_style: CitationStyle
    instructions: Instructions | None = None
    title_page: TitlePageIn | None = None

    def to_spec(self) -> DocumentSpec:
        page = TitlePage() if self.title_page is None else self.title_page.to_page()
        return DocumentSpec(title=self.title, topic=self.topic, kind=self.kind,
                            language=Language(self.language), target_words=self.target_words,
                            citation_style=self.citation_style, instructions=self.instructions,
                            title_page=page)


class DocumentPatch(Strict, kw_only=True, frozen=True):
    title: Title | UnsetType = UNSET
    topic: Topic | UnsetType = UNSET
    kind: Kind | UnsetType = UNSET
    language: LanguageCode | UnsetType = UNSET
    target_words: TargetWords | UnsetType = UNSET
    citation_style: CitationStyle | UnsetType = UNSET
    instructions: Instructions | UnsetType | None = UNSET
    title_page: TitlePagePatch | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        """The fields given; a title page as the dict of its fields given (merged into the
        stored page by the domain), or an empty page for null."""
        given = {f: getattr(self, f) for f in self.__struct_fields__}
        changes = {f: v for f, v in given.items() if v is not UNSET}
        if "language" in changes:
            changes["language"] = Language(changes["language"])
        if "title_page" in changes:
            page = changes["title_page"]
            changes["title_page"] = TitlePage() if page is None else page.changes()
        return changes


class OutlineItemOut(Strict, kw_only=True, frozen=True):
    index: int
    title: str
    target_words: int
    brief: str
    queries: list[str]

    @classmethod
    def of(cls, o: OutlineItem) -> OutlineItemOut:
        return cls(index=o.index, title=o.title, target_words=o.target_words, brief=o.brief,
                   queries=list(o.queries))


class ClaimOut(Strict, kw_only=True, frozen=True):
    sentence: str
    n: int
    verdict: Verdict
    evidence: str | None

    @classmethod
    def of(cls, c: Claim) -> ClaimOut:
        return cls(sentence=c.sentence, n=c.n, verdict=c.verdict, evidence=c.evidence)


class GroundingOut(Strict, kw_only=True, frozen=True):
    claims: int
    supported: int
    unsupported: int
    unverified: int

    @classmethod
    def of(cls, g: Grounding) -> GroundingOut:
        return cls(claims=g.claims, supported=g.supported, unsupported=g.unsupported,
                   unverified=g.unverified)


class SectionOut(Strict, kw_only=True, frozen=True):
    index: int
    title: str
    text: str
    word_count: int
    citations: list[int]
    claims: list[ClaimOut]

    @classmethod
    def of(cls, s: Section) -> SectionOut:
        return cls(index=s.index, title=s.title, text=s.text, word_count=s.word_count,
                   citations=list(s.citations), claims=[ClaimOut.of(c) for c in s.claims])


class SourceOut(Strict, kw_only=True, frozen=True):
    n: int
    title: str
    authors: list[str]
    year: int | None
    venue: str | None
    doi: str | None
    url: str | None
    abstract: str | None
    provider: Provider
    cited_by: int | None

    @classmethod
    def of(cls, s: Source) -> SourceOut:
        return cls(n=s.n, title=s.title, authors=list(s.authors), year=s.year, venue=s.venue,
                   doi=s.doi, url=s.url, abstract=s.abstract, provider=s.provider,
                   cited_by=s.cited_by)


class DocumentSummaryOut(Strict, kw_only=True, frozen=True):
    id: str
    title: str
    topic: str
    kind: Kind
    language: str
    target_words: int
    citation_style: CitationStyle
    instructions: str | None
    title_page: TitlePageOut
    status: str
    outline: list[OutlineItemOut]
    sources: list[SourceOut]
    bibliography: list[str]
    requirements: str | None
    word_count: int
    grounding: GroundingOut
    revision: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def fields_of(d: Document) -> dict[str, Any]:
        spec = d.spec
        return dict(
            id=str(d.id), title=spec.title, topic=spec.topic, kind=spec.kind,
            language=spec.language.code, target_words=spec.target_words,
            citation_style=spec.citation_style, instructions=spec.instructions,
            title_page=TitlePageOut.of(spec.title_page), status=d.status.value,
            outline=[OutlineItemOut.of(o) for o in d.outline],
            sources=[SourceOut.of(s) for s in d.sources], bibliography=list(d.bibliography),
            requirements=d.requirements, word_count=d.word_count,
            grounding=GroundingOut.of(d.grounding), revision=d.revision,
            created_at=d.created_at, updated_at=d.updated_at,
        )

    @classmethod
    def of(cls, d: Document) -> DocumentSummaryOut:
        return cls(**cls.fields_of(d))


class DocumentOut(DocumentSummaryOut, kw_only=True, frozen=True):
    sections: list[SectionOut]

    @classmethod
    def of(cls, d: Document) -> DocumentOut:
        return cls(**cls.fields_of(d), sections=[SectionOut.of(s) for s in d.sections])


class DocumentPageOut(Strict, kw_only=True, frozen=True):
    items: list[DocumentSummaryOut]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, page: Page[Document]) -> DocumentPageOut:
        return cls(items=[DocumentSummaryOut.of(d) for d in page.items], total=page.total,
                   limit=page.limit, offset=page.offset)
