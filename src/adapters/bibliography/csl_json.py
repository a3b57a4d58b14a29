"""Sources as a CSL-JSON file: the items citeproc formats (see `csl_items`), as Zotero,
Mendeley, Pandoc and citeproc-js read them, with their abstracts and with types from
`work_kinds`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from adapters.bibliography.citation_keys import citation_keys
from adapters.bibliography.csl_items import csl_item
from adapters.bibliography.work_kinds import WorkKind, kind_of
from domain.documents import Source

TYPES = {WorkKind.ARTICLE: "article-journal", WorkKind.PAPER: "paper-conference",
         WorkKind.WEB_PAGE: "webpage", WorkKind.OTHER: "document"}


def csl_json_file(sources: Sequence[Source]) -> str:
    """A JSON array of one item per source, in order (`[]` for none); each item's `id` is
    its citation key, as in the BibTeX file."""
    items = [_item(source, key) for source, key in zip(sources, citation_keys(sources),
                                                       strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _item(source: Source, key: str) -> dict[str, Any]:
    item = csl_item(source, key)
    # `language` there only steers citeproc's title-casing; it is no fact about the work.
    item.pop("language", None)
    item["type"] = TYPES[kind_of(source)]
    if source.abstract:
        item["abstract"] = source.abstract
    return item
