"""The DOCX export read back with python-docx: styles, fields, page set-up and text."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from tests.disclosures import CASE_IDS, CASES, a_disclosed_manuscript, about
from tests.manuscripts import a_manuscript

from adapters.rendering.docx import render_docx
from domain.manuscripts import BlockKind, Manuscript

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def read(manuscript: Manuscript) -> Document:
    return docx.Document(BytesIO(render_docx(manuscript)))


def styled(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def field_parts(element) -> list[str]:
    """Field characters and instructions in document order: begin, ' TOC … ', separate, end."""
    return [node.get(qn("w:fldCharType")) if node.tag == qn("w:fldChar") else node.text
            for node in element.iter(qn("w:fldChar"), qn("w:instrText"))]


@pytest.fixture(scope="module", params=["en", "uk"])
def manuscript(request: pytest.FixtureRequest) -> Manuscript:
    return a_manuscript(language=request.param, numbered=request.param == "uk")


@pytest.fixture(scope="module")
def document(manuscript: Manuscript) -> Document:
    return read(manuscript)


def test_every_section_the_references_and_the_disclosure_are_heading_1(manuscript, document):
    assert styled(document, "Heading 1") == [
        *(f"{s.index}. {s.title}" for s in manuscript.sections), manuscript.labels.references,
        manuscript.disclosure.heading]


def test_subheadings_are_heading_2(manuscript, document):
    assert styled(document, "Heading 2") == [
        block.text for s in manuscript.sections for block in s.blocks
        if block.kind is BlockKind.SUBHEADING]


def test_headings_and_the_contents_open_a_page_after_the_title_page(manuscript, document):
    assert document.styles["Heading 1"].paragraph_format.page_break_before
    assert document.styles["TOC Heading"].paragraph_format.page_break_before
    texts = [p.text for p in document.paragraphs]
    title_page = texts[:texts.index(manuscript.labels.contents)]
    labels, year = manuscript.labels, manuscript.year
    people, kind = f"{labels.author}: {manuscript.author}", labels.kind.upper()
    if manuscript.language == "uk":  # GOST: the kind above the title, the year alone below
        assert title_page == [kind, manuscript.title, people, str(year)]
    else:
        assert title_page == [manuscript.title, kind, people, f"{labels.year}: {year}"]
    assert not document.element.body.findall(f".//{qn('w:br')}")


def test_the_contents_are_a_toc_field_word_updates_on_open(manuscript, document):
    assert styled(document, "TOC Heading") == [manuscript.labels.contents]
    parts = field_parts(document.element.body)
    start = parts.index("begin")
    assert parts[start:start + 4] == ["begin", f" {TOC_INSTRUCTION} ", "separate", "end"]
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    # w:updateFields sits where the schema puts it: before w:compat
    tags = [child.tag for child in settings]
    assert tags.index(qn("w:updateFields")) < tags.index(qn("w:compat"))


def test_the_footer_numbers_every_page_but_the_first(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert field_parts(footer._p) == ["begin", " PAGE ", "separate", "end"]
    assert not section.first_page_footer.is_linked_to_previous
    assert field_parts(section.first_page_footer._element) == []


def test_the_page_is_a4_with_the_layout_margins(manuscript, document):
    section, layout = document.sections[0], manuscript.layout
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    assert (section.top_margin.mm, section.right_margin.mm, section.bottom_margin.mm,
            section.left_margin.mm) == pytest.approx(
        (layout.margin_top_mm, layout.margin_right_mm, layout.margin_bottom_mm,
         layout.margin_left_mm), abs=0.1)


def test_normal_text_has_the_layout_size_spacing_and_font_for_every_script(manuscript, document):
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(manuscript.layout.font_size_pt)
    assert normal.paragraph_format.line_spacing == manuscript.layout.line_spacing
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    scripts = ("ascii", "hAnsi", "eastAsia", "cs")
    assert {name: fonts.get(qn(f"w:{name}")) for name in scripts} == dict.fromkeys(
        scripts, "DejaVu Serif")
    assert not [key for key in fonts.attrib if key.lower().endswith("theme")]


def test_the_text_is_printed_exactly_justified_and_indented(manuscript, document):
    expected = [b.text for s in manuscript.sections for b in s.blocks
                if b.kind is BlockKind.PARAGRAPH]
    body = [p for p in document.paragraphs if p.text in expected]
    assert [p.text for p in body] == expected
    for paragraph in body:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert paragraph.paragraph_format.first_line_indent.cm == pytest.approx(1.25, abs=0.01)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_cyrillic_text_is_exact(language):
    manuscript = a_manuscript(language=language, numbered=False)
    texts = [p.text for p in read(manuscript).paragraphs]
    for section in manuscript.sections:
        assert f"{section.index}. {section.title}" in texts
        for block in section.blocks:
            assert block.text in texts
    assert any(letter in " ".join(texts) for letter in "ґїєыэъё")


def heading_at(document: Document, text: str) -> int:
    return next(i for i, p in enumerate(document.paragraphs)
                if p.style.name == "Heading 1" and p.text == text)


def test_the_bibliography_follows_its_heading(manuscript, document):
    start = heading_at(document, manuscript.labels.references) + 1
    end = heading_at(document, manuscript.disclosure.heading)
    assert [p.text for p in document.paragraphs[start:end]] == list(manuscript.bibliography)


@pytest.mark.parametrize(("language", "model", "checked"), CASES, ids=CASE_IDS)
def test_the_document_ends_with_about_this_document_on_its_own_page(language, model, checked):
    manuscript = a_disclosed_manuscript(language, model, checked)
    document = read(manuscript)
    expected = about(manuscript, model, checked)
    start = heading_at(document, expected.heading)
    assert document.styles["Heading 1"].paragraph_format.page_break_before
    assert [p.text for p in document.paragraphs[start:]] == [
        expected.heading, *expected.facts, *expected.paragraphs]
    assert expected.heading in [p.text for p in document.paragraphs[:start]]  # contents


def test_author_date_entries_hang_and_numbered_entries_do_not():
    for numbered in (True, False):
        manuscript = a_manuscript(numbered=numbered)
        entries = [p for p in read(manuscript).paragraphs if p.text in manuscript.bibliography]
        assert len(entries) == len(manuscript.bibliography)
        for entry in entries:
            indent, left = (entry.paragraph_format.first_line_indent,
                            entry.paragraph_format.left_indent)
            if numbered:
                assert (indent, left) == (None, None)
            else:
                assert (indent.cm, left.cm) == pytest.approx((-1.25, 1.25), abs=0.01)


def test_core_properties_name_the_title_author_and_language(manuscript, document):
    properties = document.core_properties
    assert (properties.title, properties.author, properties.language) == (
        manuscript.title, manuscript.author, manuscript.language)


def test_the_file_carries_no_template_dates_or_generator(document):
    properties = document.core_properties
    assert (properties.created, properties.modified, properties.comments) == (None, None, "")


def test_a_title_longer_than_a_core_property_still_renders_in_full_on_the_title_page():
    """A title may have 300 characters; DOCX core properties hold 255."""
    long = replace(a_manuscript(), title="T" * 300, author="A" * 300)
    document = read(long)
    assert document.core_properties.title == "T" * 255
    assert any(paragraph.text == "T" * 300 for paragraph in document.paragraphs)
