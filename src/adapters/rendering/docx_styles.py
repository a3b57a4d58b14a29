"""The styles of a DOCX export: the PDF's font (`fonts.FONT`) for every script at the
layout's size and line spacing, black bold headings; python-docx's template otherwise uses
theme fonts (Calibri, Cambria) and blue headings."""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from adapters.rendering.docx_fields import set_fonts, set_language
from adapters.rendering.fonts import FONT
from domain.manuscripts import Layout

INDENT = Cm(1.25)


def apply_styles(document: Document, layout: Layout, language: str) -> None:
    """Normal: the body text. Heading 1 (sections, references) opens a page, centred;
    TOC Heading (the contents' title, which the TOC leaves out) looks the same and opens
    the page after the title page; Heading 2 is indented like a paragraph."""
    default_run = document.styles.element.find(
        "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr")))
    set_fonts(default_run, FONT)
    set_language(default_run, language)
    normal = _style(document, "Normal")
    set_fonts(normal.element.get_or_add_rPr(), FONT)
    normal.font.size = Pt(layout.font_size_pt)
    normal.paragraph_format.line_spacing = layout.line_spacing
    normal.paragraph_format.space_after = Pt(0)
    for name, size, alignment, before, after in (
            ("Heading 1", layout.font_size_pt + 2, WD_ALIGN_PARAGRAPH.CENTER, 0, 18),
            ("TOC Heading", layout.font_size_pt + 2, WD_ALIGN_PARAGRAPH.CENTER, 0, 18),
            ("Heading 2", layout.font_size_pt, WD_ALIGN_PARAGRAPH.LEFT, 12, 6)):
        style = _style(document, name)
        set_fonts(style.element.get_or_add_rPr(), FONT)
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = RGBColor(0, 0, 0)
        spacing = style.paragraph_format
        spacing.alignment, spacing.space_before, spacing.space_after = (
            alignment, Pt(before), Pt(after))
        spacing.page_break_before = name != "Heading 2"
    _style(document, "Heading 2").paragraph_format.first_line_indent = INDENT


def _style(document: Document, name: str) -> ParagraphStyle:
    return cast(ParagraphStyle, document.styles[name])
