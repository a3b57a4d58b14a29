"""Sources as CSL-JSON items, the input citeproc formats."""

from __future__ import annotations

from typing import Any

from adapters.bibliography.names import csl_name
from domain.documents import Source


def csl_item(source: Source, key: str) -> dict[str, Any]:
    """An `article-journal` item, or a `document` when there is no venue (journal styles
    render a journal article without its journal badly: Chicago adds a stray "Edition").
    Its `language` is "en" only for a title in plain English letters: styles title-case
    English titles and must leave every other title as written."""
    item: dict[str, Any] = {
        "id": key, "type": "article-journal" if source.venue else "document",
        "title": source.title,
        "language": "en" if _plain_latin(source.title) else "und",
    }
    authors = [name for name in map(csl_name, source.authors) if name is not None]
    if authors:
        item["author"] = authors
    if source.year is not None:
        item["issued"] = {"date-parts": [[source.year]]}
    if source.venue:
        item["container-title"] = source.venue
    if source.doi:
        item["DOI"] = source.doi
    if source.url:
        item["URL"] = source.url
    return item


def _plain_latin(text: str) -> bool:
    return all(character.isascii() for character in text if character.isalpha())

