"""Sources as an RIS file (the tagged format of EndNote, Zotero, Mendeley, RefWorks), written
by rispy. The reference types follow `work_kinds`: JOUR, CPAPER, ELEC or GEN."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import rispy  # type: ignore[import-untyped]

from adapters.bibliography.citation_keys import citation_keys
from adapters.bibliography.names import csl_name
from adapters.bibliography.work_kinds import WorkKind, kind_of
from domain.documents import Source

TYPES = {WorkKind.ARTICLE: "JOUR", WorkKind.PAPER: "CPAPER", WorkKind.WEB_PAGE: "ELEC",
         WorkKind.OTHER: "GEN"}


class _Writer(rispy.RisWriter):  # type: ignore[misc]
    NEWLINE = "\r\n"  # as the RIS specification has it; readers take either

    def set_header(self, count: int) -> str:
        return ""  # rispy's default numbers each record ("1."), which RIS does not have


def ris_file(sources: Sequence[Source]) -> str:
    """One record per source, in order, each from TY to ER; an empty string for none."""
    records = [_record(source, key) for source, key in zip(sources, citation_keys(sources),
                                                             strict=True)]
    if not records:
        return ""
    text: str = rispy.dumps(records, implementation=_Writer)
    return text


def _record(source: Source, key: str) -> dict[str, Any]:
    """Tags in the order readers expect them; rispy writes TY first and ER last."""
    record: dict[str, Any] = {"type_of_reference": TYPES[kind_of(source)], "id": key}
    authors = [name for name in map(_author, source.authors) if name]
    if authors:
        record["authors"] = authors
    record["title"] = _line(source.title)
    if source.venue:
        record["secondary_title"] = _line(source.venue)
    if source.year is not None:
        record["year"] = str(source.year)
    if source.doi:
        record["doi"] = _line(source.doi)
    if source.url:
        record["urls"] = [_line(source.url)]
    if source.abstract:
        record["abstract"] = _line(source.abstract)
    return record


def _author(name: str) -> str | None:
    """"Family, Given" (with ", Suffix" after), as RIS writes a person; an organisation as it
    is."""
    parts = csl_name(name)
    if parts is None:
        return None
    if "literal" in parts:
        return parts["literal"]
    return ", ".join(part for part in (parts["family"], parts.get("given"),
                                       parts.get("suffix")) if part)


def _line(text: str) -> str:
    """A tag's value is one line: a line break would start a new, untagged line."""
    return " ".join(text.split())
