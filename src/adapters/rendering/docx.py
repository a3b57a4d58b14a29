"""Manuscripts as DOCX with python-docx: real Heading 1/2 styles, a TOC field Word fills on
opening, page numbers in the footer (none on the title page), "About this document" last. A
pure, synchronous function for a worker process."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from adapters.rendering.docx_fields import add_field, begin_field, end_field, update_fields_on_open
from adapters.rendering.docx_styles import INDENT, apply_styles
from adapters.rendering.docx_title_page import add_title_page
from domain.manuscripts import BlockKind, Layout, Manuscript

TOC = 'TOC \\o "1-2" \\h \\z \\u'


def render_docx(manuscript: Manuscript) -> bytes:
    document = Document()
    _page(document.sections[0], manuscript.layout)
    apply_styles(document, manuscript.layout, manuscript.language)
    add_title_page(document, manuscript)
    _contents(document, manuscript)
    for section in manuscript.sections:
        document.add_paragraph(f"{section.index}. {section.title}", style="Heading 1")
        for block in section.blocks:
            if block.kind is BlockKind.SUBHEADING:
                document.add_paragraph(block.text, style="Heading 2")
            else:
                _body(document.add_paragraph(block.text))
    document.add_paragraph(manuscript.labels.references, style="Heading 1")
    for entry in manuscript.bibliography:
        _reference(document.add_paragraph(entry), hanging=not manuscript.numbered_references)
    _about(document, manuscript)
    _properties(document, manuscript)
    update_fields_on_open(document.settings.element)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


MAX_PROPERTY = 255


def _properties(document: DocxDocument, manuscript: Manuscript) -> None:
    """Title, author and language; no dates or generator (python-docx's template has both)."""
    properties = document.core_properties
    # The core properties hold at most 255 characters (python-docx refuses more); a title
    # may have 300, and the whole of it is on the title page anyway.
    properties.title = manuscript.title[:MAX_PROPERTY]
    properties.author = manuscript.author[:MAX_PROPERTY]
    properties.language, properties.comments = manuscript.language, ""
    for tag in ("dcterms:created", "dcterms:modified"):
        stale = properties._element.find(qn(tag))
        if stale is not None:
            properties._element.remove(stale)


def _page(section: Section, layout: Layout) -> None:
    """A4 with the layout's margins; a centred PAGE field in the footer of every page but
    the first."""
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(layout.margin_top_mm)
    section.right_margin = Mm(layout.margin_right_mm)
    section.bottom_margin = Mm(layout.margin_bottom_mm)
    section.left_margin = Mm(layout.margin_left_mm)
    section.different_first_page_header_footer = True
    section.first_page_footer.is_linked_to_previous = False
    number = section.footer.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(number, "PAGE", "2")


def _contents(document: DocxDocument, manuscript: Manuscript) -> None:
    """The TOC field's result shows the headings until Word computes it with page numbers."""
    document.add_paragraph(manuscript.labels.contents, style="TOC Heading")
    entries = [f"{section.index}. {section.title}" for section in manuscript.sections]
    entries += [manuscript.labels.references, manuscript.disclosure.heading]
    for number, entry in enumerate(entries):
        paragraph = document.add_paragraph()
        if number == 0:
            begin_field(paragraph, TOC)
        paragraph.add_run(entry)
        if number == len(entries) - 1:
            end_field(paragraph)


def _about(document: DocxDocument, manuscript: Manuscript) -> None:
    """The disclosure on its own last page (Heading 1 opens one): facts, then statement."""
    disclosure = manuscript.disclosure
    document.add_paragraph(disclosure.heading, style="Heading 1")
    for label, value in disclosure.facts:
        document.add_paragraph(f"{label}: {value}")
    for paragraph in disclosure.statement:
        document.add_paragraph(paragraph).paragraph_format.space_before = Pt(6)


def _body(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = INDENT


def _reference(paragraph: Paragraph, *, hanging: bool) -> None:
    paragraph.paragraph_format.space_after = Pt(6)
    if hanging:
        paragraph.paragraph_format.left_indent = INDENT
        paragraph.paragraph_format.first_line_indent = -INDENT
