"""Manuscripts as PDF: Jinja2 HTML and CSS paged media, laid out by WeasyPrint.

A pure, synchronous function for a worker process. The HTML is built from escaped text
only, and WeasyPrint fetches nothing: every URL (file:, http(s):, data:) is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import CSS, HTML  # type: ignore[import-untyped]
from weasyprint.urls import (  # type: ignore[import-untyped]
    FatalURLFetchingError,
    URLFetcher,
)

from adapters.rendering.fonts import FONT
from domain.manuscripts import Layout, Manuscript
from domain.ports.exports import RenderFailed

A4_HEIGHT_MM = 297
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)


class FetchRefused(PermissionError):
    """An export asked for a URL; exports are built from text and need none."""


class RefuseEveryUrl(URLFetcher):  # type: ignore[misc]
    """WeasyPrint's URL fetcher for exports: refuses every URL, whatever its scheme. A refusal
    is fatal (`fail_on_errors`), so a render that tries to fetch fails instead of printing a
    document with something missing."""

    def __init__(self) -> None:
        super().__init__(fail_on_errors=True)

    def fetch(self, url: str, headers: Any = None) -> Any:
        raise FetchRefused(f"exports fetch nothing; refused {url[:100]!r}")


def render_pdf(manuscript: Manuscript) -> bytes:
    """Title page (unnumbered), contents with page numbers, one page-opening heading per
    section, the references, and "About this document" last (in the contents too); A4 with
    the manuscript's layout."""
    return pdf_from_html(manuscript_html(manuscript), stylesheet(manuscript.layout))


def manuscript_html(manuscript: Manuscript) -> str:
    return TEMPLATES.get_template("manuscript.html.j2").render(m=manuscript)


def stylesheet(layout: Layout) -> str:
    height = A4_HEIGHT_MM - layout.margin_top_mm - layout.margin_bottom_mm
    return TEMPLATES.get_template("manuscript.css").render(layout=layout,
                                                            page_height_mm=height, font=FONT)


def pdf_from_html(html: str, css: str) -> bytes:
    """Raises RenderFailed when the document refers to anything it would have to fetch."""
    fetcher = RefuseEveryUrl()
    try:
        document = HTML(string=html, base_url=None, url_fetcher=fetcher)
        pdf: bytes = document.write_pdf(
            stylesheets=[CSS(string=css, base_url=None, url_fetcher=fetcher)])
    except FatalURLFetchingError as error:
        raise RenderFailed("The export refers to an outside resource.") from error
    return pdf
