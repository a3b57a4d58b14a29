"""Bodies of the steering endpoints: outline edits, the user's own text, rewrites with
instructions, revisions and the user's own sources."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from msgspec import Meta

from domain.documents import MAX_WORDS, Origin, SectionRevision
from domain.outline import MAX_SECTIONS, MIN_SECTION_WORDS, TITLE_MAX
from domain.outline_edit import BRIEF_MAX, PlannedItem
from domain.own_sources import (
    AUTHOR_MAX,
    AUTHORS_MAX,
    URL_MAX,
    VENUE_MAX,
    YEAR_MAX,
    YEAR_MIN,
)
from domain.own_sources import TITLE_MAX as SOURCE_TITLE_MAX
from domain.own_text import TEXT_MAX
from entrypoints.http.schema_base import Strict, text

Revision = Annotated[int, Meta(ge=1, le=2**31 - 1, description=(
    "The document's `revision` the change was made against; a stale one is a 409."))]
INSTRUCTIONS_MAX = 2_000


class OutlineItemIn(Strict, kw_only=True, frozen=True):
    title: Annotated[str, text(min_length=1, max_length=TITLE_MAX, blank=False)]
    target_words: Annotated[int, Meta(ge=MIN_SECTION_WORDS, le=MAX_WORDS)]
    index: Annotated[int, Meta(ge=1, le=MAX_SECTIONS * 25)] | None = None
    brief: Annotated[str, text(max_length=BRIEF_MAX)] | None = None

    def planned(self) -> PlannedItem:
        return PlannedItem(index=self.index, title=self.title,
                           target_words=self.target_words, brief=self.brief)


class OutlineIn(Strict, kw_only=True, frozen=True):
    items: Annotated[list[OutlineItemIn], Meta(min_length=1, max_length=MAX_SECTIONS)]
    revision: Revision | None = None


class SectionTextIn(Strict, kw_only=True, frozen=True):
    text: Annotated[str, text(min_length=1, max_length=TEXT_MAX, blank=False)]
    revision: Revision | None = None


class RewriteIn(Strict, kw_only=True, frozen=True):
    instructions: Annotated[str, text(max_length=INSTRUCTIONS_MAX)] | None = None


class SourceIn(Strict, kw_only=True, frozen=True):
    """A DOI to look up, or a work described by hand (title, authors, year at least)."""

    doi: Annotated[str, text(min_length=1, max_length=300, blank=False)] | None = None
    title: Annotated[str, text(min_length=1, max_length=SOURCE_TITLE_MAX, blank=False)] \
        | None = None
    authors: Annotated[list[Annotated[str, text(min_length=1, max_length=AUTHOR_MAX,
                                                blank=False)]],
                       Meta(max_length=AUTHORS_MAX)] | None = None
    year: Annotated[int, Meta(ge=YEAR_MIN, le=YEAR_MAX)] | None = None
    venue: Annotated[str, text(max_length=VENUE_MAX)] | None = None
    url: Annotated[str, text(max_length=URL_MAX)] | None = None
    revision: Revision | None = None


class RevisionOut(Strict, kw_only=True, frozen=True):
    revision: int
    origin: Origin
    instructions: str | None
    title: str
    text: str
    word_count: int
    citations: list[int]
    created_at: datetime
    replaced_at: datetime

    @classmethod
    def of(cls, r: SectionRevision) -> RevisionOut:
        s = r.section
        return cls(revision=r.revision, origin=s.origin, instructions=s.instructions,
                   title=s.title, text=s.text, word_count=s.word_count,
                   citations=list(s.citations), created_at=r.created_at,
                   replaced_at=r.replaced_at)
