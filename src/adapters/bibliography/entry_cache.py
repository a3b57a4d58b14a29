"""Formatted reference-list entries kept per (source, style, locale).

A job formats its document's bibliography after every section, and every time it holds
the sources of the sections before. citeproc costs 10–130 ms of CPU per bibliography of a
dozen sources, under the GIL, so the worker keeps what it rendered: an entry's text and its
sort keys. Sorting cached keys the way citeproc does gives its order without rendering.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from adapters.bibliography.csl_styles import ParsedStyle
from domain.documents import CitationStyle, Source

DEFAULT_ENTRIES = 4096


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    sort_keys: tuple[Any, ...]


class EntryCache:
    """A bounded, thread-safe LRU map of (source, style, locale) to its entry; `maxsize` 0
    keeps nothing."""

    def __init__(self, maxsize: int = DEFAULT_ENTRIES) -> None:
        self._maxsize = maxsize
        self._entries: OrderedDict[tuple[Source, CitationStyle, str], Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, sources: Iterable[Source], style: CitationStyle,
                 locale: str) -> dict[Source, Entry]:
        found: dict[Source, Entry] = {}
        with self._lock:
            for source in sources:
                entry = self._entries.get((source, style, locale))
                if entry is not None:
                    self._entries.move_to_end((source, style, locale))
                    found[source] = entry
        return found

    def put_many(self, entries: Mapping[Source, Entry], style: CitationStyle,
                 locale: str) -> None:
        if self._maxsize <= 0:
            return
        with self._lock:
            for source, entry in entries.items():
                self._entries[(source, style, locale)] = entry
                self._entries.move_to_end((source, style, locale))
            while len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)


def sort_descending(parsed: ParsedStyle) -> tuple[bool, ...] | None:
    """The direction of each of the bibliography's sort keys; None when it has no sort."""
    sort = _sort_element(parsed)
    if sort is None:
        return None
    return tuple(key.get("sort", "ascending").lower() == "descending"
                 for key in sort.findall("cs:key", sort.nsmap))


def sort_keys(parsed: ParsedStyle, items: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Each registered citeproc item's bibliography sort keys, as citeproc's `Sort.sort`
    computes them (every key of an item depends on that item alone). Call it holding the
    style's lock."""
    sort = _sort_element(parsed)
    if sort is None:
        return [() for _ in items]
    layout = parsed.csl.root.bibliography.layout
    columns = [key.sort_keys(items, layout) for key in sort.findall("cs:key", sort.nsmap)]
    return [tuple(column[index] for column in columns) for index in range(len(items))]


def compare_sort_keys(left: tuple[Any, ...], right: tuple[Any, ...],
                      descending: Sequence[bool]) -> int:
    """citeproc-py's bibliography comparison (`Sort.sort`), on keys computed before: keys
    compare case-insensitively, as integers when both are, and a missing key sorts last."""
    for left_key, right_key, desc in zip(left, right, descending, strict=True):
        if left_key is not None and right_key is not None:
            first, second = _comparable(left_key, right_key)
            result = int(first > second) - int(first < second)
            if result:
                return -result if desc else result
        elif left_key is not None:
            return -1
        elif right_key is not None:
            return 1
    return 0


def _comparable(left: Any, right: Any) -> tuple[Any, Any]:
    try:  # one after the other, as citeproc does
        left = str(left.lower())
        right = str(right.lower())
    except AttributeError:
        pass
    with contextlib.suppress(ValueError):
        left, right = int(str(left)), int(str(right))
    return left, right


def _sort_element(parsed: ParsedStyle) -> Any:
    layout = parsed.csl.root.bibliography.layout
    return layout.getparent().find("cs:sort", layout.nsmap)
