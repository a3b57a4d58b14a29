"""A Crossref work record (`message` of `GET /works/{doi}`) as a FoundWork.

Field reference: https://api.crossref.org/swagger-ui/index.html (the `Work` schema).
"""

from __future__ import annotations

import html
import re
from typing import Any

from adapters.sources.payload import abstract, count, mapping, names, records, text, year
from domain.document_parts import Provider
from domain.sources import FoundWork, normalise_doi

DATES = ("issued", "published-print", "published-online")  # the first with a year is used
# Tags that end a block of text: a space stands in for them. Any other tag (italic, sub,
# sup, MathML...) is inline and simply dropped, so "H<sub>2</sub>O" reads "H2O".
BLOCK = frozenset({"p", "title", "sec", "list", "list-item", "break", "label", "caption"})
TAG = re.compile(r"<(/?)(?:[\w.-]+:)?([\w.-]+)[^<>]*>")
ABSTRACT_HEADING = re.compile(r"^\s*<(?:[\w.-]+:)?title[^<>]*>\s*abstract\s*</(?:[\w.-]+:)?title>",
                              re.I)


def crossref_work(message: dict[str, Any], doi: str) -> FoundWork | None:
    """The work, or None when the record has no title. `doi` (the one asked for) stands in
    when the record carries none."""
    title = _title(message)
    if title is None:
        return None
    found_doi = normalise_doi(text(message.get("DOI"))) or doi
    return FoundWork(
        title=title, authors=names([_author(a) for a in records(message.get("author"))]),
        year=_year(message), venue=plain(_first(message.get("container-title"))),
        doi=found_doi, url=text(message.get("URL")) or f"https://doi.org/{found_doi}",
        abstract=_abstract(message.get("abstract")), provider=Provider.CROSSREF,
        cited_by=count(message.get("is-referenced-by-count")))


def plain(markup: str | None) -> str | None:
    """Text without its tags and entities, whitespace collapsed; None when nothing is left."""
    if markup is None:
        return None
    stripped = TAG.sub(lambda tag: " " if tag[2].lower() in BLOCK else "", markup)
    return text(html.unescape(stripped))


def _title(message: dict[str, Any]) -> str | None:
    title = plain(_first(message.get("title")))
    subtitle = plain(_first(message.get("subtitle")))
    if title and subtitle and subtitle.casefold() not in title.casefold():
        return f"{title}: {subtitle}"
    return title


def _author(author: dict[str, Any]) -> str | None:
    full = " ".join(part for part in (text(author.get("given")), text(author.get("family")))
                    if part)
    return full or text(author.get("name"))


def _year(message: dict[str, Any]) -> int | None:
    for name in DATES:
        parts = mapping(message.get(name)).get("date-parts")
        first = parts[0] if isinstance(parts, list) and parts else None
        found = year(first[0]) if isinstance(first, list) and first else None
        if found is not None:
            return found
    return None


def _abstract(value: Any) -> str | None:
    """Crossref abstracts are JATS XML (`<jats:p>...`), often headed `<jats:title>Abstract`."""
    markup = text(value)
    return abstract(plain(ABSTRACT_HEADING.sub("", markup))) if markup else None


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return next((found for item in value if (found := text(item))), None)
    return text(value)
