"""The DOCX title page, laid out as the PDF's (see manuscript.css): GOST with the institution
at the top, the kind and title in the middle, the author and supervisor to the right and the
city and year at the foot; academic with the title and kind in the middle and the rest
centred at the foot. What stands at the foot is framed on the bottom margin, so it stays
there whatever the length of the title. The next page (the contents) opens by its style."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from adapters.rendering.docx_fields import at_foot
from domain.manuscripts import Layout, Manuscript, TitlePageStyle

A4_WIDTH_MM, A4_HEIGHT_MM = 210, 297
TWIPS_PER_MM = 1440 / 25.4


def add_title_page(document: Document, manuscript: Manuscript) -> None:
    if manuscript.layout.title_page is TitlePageStyle.GOST:
        _gost(document, manuscript)
    else:
        _academic(document, manuscript)


def _gost(document: Document, m: Manuscript) -> None:
    layout, labels = m.layout, m.labels
    for line in m.affiliation:
        _centred(document, line)
    above = len(m.affiliation) * _line_pt(layout)
    kind = _centred(document, labels.kind.upper(),
                    before=Pt(max(_line_pt(layout), _text_height_pt(layout) / 3 - above)))
    kind.paragraph_format.space_after = Pt(layout.font_size_pt)
    _title(document, m)
    people = [f"{labels.author}: {m.author}"]
    if m.title_page.supervisor:
        people.append(f"{labels.supervisor}: {m.title_page.supervisor}")
    for number, line in enumerate(people):
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.left_indent = Mm(_text_width_mm(layout) / 2)
        if number == 0:
            paragraph.paragraph_format.space_before = Pt(_text_height_pt(layout) / 6)
    _foot(document, layout, [m.imprint])


def _academic(document: Document, m: Manuscript) -> None:
    layout, labels = m.layout, m.labels
    _title(document, m, before=Pt(_text_height_pt(layout) * 0.28))
    _centred(document, labels.kind.upper(), before=Pt(layout.font_size_pt * 1.5))
    byline = [f"{labels.author}: {m.author}", *m.affiliation]
    if m.title_page.supervisor:
        byline.append(f"{labels.supervisor}: {m.title_page.supervisor}")
    _foot(document, layout, [*byline, m.imprint])


def _title(document: Document, m: Manuscript, *, before: Pt | None = None) -> None:
    title = _centred(document, "", before=before)
    run = title.add_run(m.title)
    run.bold, run.font.size = True, Pt(m.layout.font_size_pt + 4)


def _foot(document: Document, layout: Layout, lines: list[str]) -> None:
    width = round(_text_width_mm(layout) * TWIPS_PER_MM)
    for line in lines:
        at_foot(_centred(document, line), width)


def _centred(document: Document, text: str, *, before: Pt | None = None) -> Paragraph:
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if before is not None:
        paragraph.paragraph_format.space_before = before
    return paragraph


def _line_pt(layout: Layout) -> float:
    """About the height of a line of body text (the font's own leading is some 1.17)."""
    return layout.font_size_pt * layout.line_spacing * 1.17


def _text_height_pt(layout: Layout) -> float:
    return (A4_HEIGHT_MM - layout.margin_top_mm - layout.margin_bottom_mm) * 72 / 25.4


def _text_width_mm(layout: Layout) -> float:
    return A4_WIDTH_MM - layout.margin_left_mm - layout.margin_right_mm
