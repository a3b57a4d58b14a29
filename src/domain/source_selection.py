"""Which of a document's sources a bibliography export lists."""

from __future__ import annotations

from enum import StrEnum

from domain.documents import Document, Source


class SourceSelection(StrEnum):
    """CITED: the works the sections cite, as the reference list has them. ALL: every source
    the document offers, cited or not (the ones the user removed are not offered)."""

    CITED = "cited"
    ALL = "all"

    def of(self, document: Document) -> tuple[Source, ...]:
        return document.sources if self is SourceSelection.ALL else document.cited_sources()
