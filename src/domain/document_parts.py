"""The parts a document is written in: its outline, its sections and its numbered sources."""

from __future__ import annotations

from dataclasses import dataclass


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


