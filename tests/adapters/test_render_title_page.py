"""Title pages read back from the PDF (pypdf, with where each line stands) and the DOCX
(python-docx): GOST for the Ukrainian manuscript, the plain academic page for the English
one, each with every title page field filled in; and one typeface for both formats."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader
from tests.adapters.test_render_pdf import MM, fragments, normalised
from tests.manuscripts import a_manuscript

from adapters.rendering.docx import render_docx
from adapters.rendering.markdown import render_markdown
from adapters.rendering.pdf import render_pdf
from domain.manuscripts import Manuscript
from domain.title_page import TitlePage

A4_WIDTH = 595.28
UK_PAGE = TitlePage(author="Олена Коваленко",
                    institution="Київський національний університет імені Тараса Шевченка",
                    faculty="Факультет інформаційних технологій",
                    department="Кафедра програмних систем", supervisor="Петренко П. П.",
                    city="Київ", year=2024)
EN_PAGE = TitlePage(author="Emma Thompson", institution="University of Leeds",
                    faculty="Faculty of Arts", department="School of English",
                    supervisor="Prof. Jane Smith", city="Leeds", year=2024)


def with_page(language: str, page: TitlePage) -> Manuscript:
    manuscript = a_manuscript(language=language, sections=1, paragraphs=1)
    assert page.author and page.year
    return replace(manuscript, author=page.author, year=page.year, title_page=page)


@pytest.fixture(scope="module")
def gost() -> Manuscript:
    return with_page("uk", UK_PAGE)


@pytest.fixture(scope="module")
def academic() -> Manuscript:
    return with_page("en", EN_PAGE)


def first_page(manuscript: Manuscript) -> PdfReader:
    return PdfReader(BytesIO(render_pdf(manuscript)))


def lines_of(reader: PdfReader) -> list[tuple[float, float, str]]:
    """(x, y, text) of each line of the title page, top to bottom."""
    return sorted(fragments(reader.pages[0]), key=lambda fragment: -fragment[1])


def resources(page: Any) -> Any:
    return page["/Resources"]


def title_paragraphs(document: Document, manuscript: Manuscript) -> list:  # type: ignore[type-arg]
    paragraphs = document.paragraphs
    end = [p.text for p in paragraphs].index(manuscript.labels.contents)
    return paragraphs[:end]


def framed_at_foot(paragraph) -> bool:  # type: ignore[no-untyped-def]
    frame = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:framePr')}")
    return frame is not None and (frame.get(qn("w:yAlign")), frame.get(qn("w:vAnchor"))) == (
        "bottom", "margin")


def test_the_gost_pdf_has_the_institution_on_top_and_the_city_and_year_at_the_foot(gost):
    reader = first_page(gost)
    text = normalised(reader.pages[0].extract_text())
    order = [UK_PAGE.institution, UK_PAGE.faculty, UK_PAGE.department, "КУРСОВА РОБОТА",
             gost.title, "Автор: Олена Коваленко", "Науковий керівник: Петренко П. П.",
             "Київ – 2024"]
    positions = [text.find(str(line)) for line in order]
    assert -1 not in positions, text
    assert positions == sorted(positions)
    assert "Олена Коваленко" in text and "@" not in text
    lines = lines_of(reader)
    assert lines[0][2] == UK_PAGE.institution
    assert lines[-1][2] == "Київ – 2024"
    assert lines[-1][1] < (gost.layout.margin_bottom_mm + 15) * MM  # on the last line
    left = gost.layout.margin_left_mm * MM
    half = (A4_WIDTH - left - gost.layout.margin_right_mm * MM) / 2
    people = [x for x, _, line in lines if line.startswith(("Автор", "Науковий"))]
    assert len(people) == 2 and all(x >= left + half - 1 for x in people)  # to the right
    kind_y = next(y for _, y, line in lines if line == "КУРСОВА РОБОТА")
    assert lines[-1][1] < kind_y < lines[0][1]


def test_the_academic_pdf_centres_the_title_kind_and_byline_in_order(academic):
    reader = first_page(academic)
    text = normalised(reader.pages[0].extract_text())
    order = [academic.title, "COURSEWORK", "Author: Emma Thompson", "University of Leeds",
             "Faculty of Arts", "School of English", "Supervisor: Prof. Jane Smith",
             "Leeds, 2024"]
    positions = [text.find(line) for line in order]
    assert -1 not in positions, text
    assert positions == sorted(positions)
    lines = lines_of(reader)
    assert lines[-1][2] == "Leeds, 2024"
    assert lines[-1][1] < (academic.layout.margin_bottom_mm + 15) * MM
    left = academic.layout.margin_left_mm * MM
    starts = {line: x for x, _, line in lines}
    assert all(x > left + 10 for x in starts.values()), starts  # none flush left
    # centred: a shorter line starts further right
    assert starts["Leeds, 2024"] > starts["Author: Emma Thompson"] > starts[
        "Supervisor: Prof. Jane Smith"]


def test_the_gost_docx_puts_the_institution_first_the_people_right_and_the_year_last(gost):
    document = docx.Document(BytesIO(render_docx(gost)))
    paragraphs = title_paragraphs(document, gost)
    assert [p.text for p in paragraphs] == [
        UK_PAGE.institution, UK_PAGE.faculty, UK_PAGE.department, "КУРСОВА РОБОТА",
        gost.title, "Автор: Олена Коваленко", "Науковий керівник: Петренко П. П.",
        "Київ – 2024"]
    top, heading, people, foot = paragraphs[:3], paragraphs[3:5], paragraphs[5:7], paragraphs[7]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in [*top, *heading, foot])
    text_width = 210 - gost.layout.margin_left_mm - gost.layout.margin_right_mm
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.LEFT for p in people)
    assert all(p.paragraph_format.left_indent.mm == pytest.approx(text_width / 2, abs=0.1)
               for p in people)
    assert framed_at_foot(foot) and not any(map(framed_at_foot, paragraphs[:7]))


def test_the_academic_docx_centres_everything_and_sets_the_byline_at_the_foot(academic):
    document = docx.Document(BytesIO(render_docx(academic)))
    paragraphs = title_paragraphs(document, academic)
    assert [p.text for p in paragraphs] == [
        academic.title, "COURSEWORK", "Author: Emma Thompson", "University of Leeds",
        "Faculty of Arts", "School of English", "Supervisor: Prof. Jane Smith", "Leeds, 2024"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in paragraphs)
    assert [framed_at_foot(p) for p in paragraphs] == [False, False, *[True] * 6]
    assert document.core_properties.author == "Emma Thompson"


def test_lines_left_empty_are_left_out(academic):
    bare = replace(academic, title_page=TitlePage(institution="University of Leeds"))
    document = docx.Document(BytesIO(render_docx(bare)))
    assert [p.text for p in title_paragraphs(document, bare)] == [
        academic.title, "COURSEWORK", "Author: Emma Thompson", "University of Leeds",
        "Year: 2024"]
    text = normalised(first_page(bare).pages[0].extract_text())
    assert "Supervisor" not in text and text.endswith("University of Leeds Year: 2024")


def test_markdown_names_the_people_the_institution_the_city_and_year(gost):
    byline = render_markdown(gost).decode().split("\n\n")[1]
    assert byline == (
        "Курсова робота · Автор: Олена Коваленко · Науковий керівник: Петренко П. П. · "
        f"{UK_PAGE.institution} · {UK_PAGE.faculty} · {UK_PAGE.department} · Київ – 2024")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_docx_uses_the_font_the_pdf_is_set_in(language):
    manuscript = a_manuscript(language=language, sections=1, paragraphs=1)
    reader = first_page(manuscript)
    families = {str(descendant.get_object()["/FontDescriptor"]["/FontFamily"])
                for page in reader.pages
                for font in resources(page)["/Font"].values()
                for descendant in font.get_object().get("/DescendantFonts", [font])}
    document = docx.Document(BytesIO(render_docx(manuscript)))
    styles = [document.styles[name] for name in ("Normal", "Heading 1", "Heading 2",
                                                  "TOC Heading")]
    fonts = [style.element.rPr.find(qn("w:rFonts")) for style in styles]
    defaults = document.styles.element.find(
        "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:rFonts")))
    declared = {font.get(qn(f"w:{script}")) for font in [*fonts, defaults]
                for script in ("ascii", "hAnsi", "eastAsia", "cs")}
    assert len(families) == 1
    assert declared == families
