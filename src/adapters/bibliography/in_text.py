"""In-text citations: author–date forms through citeproc and the style's CSL; numeric
styles print the sources' own numbers, because citeproc would renumber them 1…k in order of
citation and they must match the `[n]` labels of the reference list."""

from __future__ import annotations

from collections.abc import Sequence

from citeproc import (  # type: ignore[import-untyped]
    Citation,
    CitationItem,
    CitationStylesBibliography,
    formatter,
)
from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

from adapters.bibliography.csl_items import csl_item
from adapters.bibliography.csl_styles import NUMERIC, locale_for, parsed_style
from adapters.bibliography.plain_text import tidy_markup
from domain.documents import CitationStyle, Source
from domain.languages import Language


def render_citations(groups: Sequence[Sequence[int]], sources: Sequence[Source],
                     style: CitationStyle, language: Language) -> list[str]:
    """One in-text citation per group of source numbers, in the groups' order."""
    if style in NUMERIC:
        return [_numeric(group, style) for group in groups]
    by_n = {source.n: source for source in sources}
    cited = sorted({n for group in groups for n in group if n in by_n})
    items = [csl_item(by_n[n], key=str(n)) for n in cited]
    parsed = parsed_style(style, locale_for(language))
    with parsed.lock:
        bibliography = CitationStylesBibliography(parsed.csl, CiteProcJSON(items),
                                                  formatter.plain)
        citations = [Citation([CitationItem(str(n)) for n in group if n in by_n])
                     for group in groups]
        for citation in citations:
            bibliography.register(citation)
        return [tidy_markup(str(bibliography.cite(citation, _ignore))) if citation.cites
                else "" for citation in citations]


def _numeric(group: Sequence[int], style: CitationStyle) -> str:
    if style is CitationStyle.GOST:
        return "[" + ", ".join(str(n) for n in group) + "]"
    return ", ".join(f"[{n}]" for n in group)


def _ignore(_: object) -> None:
    """citeproc reports citations of unknown items here; every item is known."""
