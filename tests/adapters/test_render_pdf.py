"""The PDF export read back with pypdf: what a reader sees on each page, where it is, and
what the file says about itself.

Extracted text is compared after normalising whitespace and hyphenation only: WeasyPrint
hyphenates justified text (`hyphens: auto`) with U+2010, which is dropped with its line
break; a hard hyphen or dash that ends a line keeps its character and loses the line break;
every other run of whitespace becomes one space."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from tests.disclosures import CASE_IDS, CASES, a_disclosed_manuscript, about
from tests.manuscripts import RU_SENTENCE, UK_SENTENCE, a_manuscript

from adapters.rendering import pdf
from adapters.rendering.pdf import (
    FetchRefused,
    RefuseEveryUrl,
    pdf_from_html,
    render_pdf,
    stylesheet,
)
from domain.manuscripts import Block, BlockKind, Layout, Manuscript
from domain.ports.exports import RenderFailed

A4 = (595.28, 841.89)
MM = 72 / 25.4
TOC_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")
HOSTILE_TITLE = '<img src="file:///etc/passwd"> & <link rel="stylesheet" href="http://x.test/a.css">'


def read(manuscript: Manuscript) -> PdfReader:
    return PdfReader(BytesIO(render_pdf(manuscript)))


def normalised(text: str) -> str:
    text = re.sub(r"\u2010\s*\n\s*", "", text)
    text = re.sub(r"([-–—])\n\s*", r"\1", text)
    return " ".join(text.split())


def fragments(page: Any) -> list[tuple[float, float, str]]:
    """(x, y, text) of each piece of text on the page, in points from the bottom left."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def body_text(page: Any) -> str:
    """The page's text without the page number, its last line."""
    text, number = page.extract_text().rsplit("\n", 1)
    assert number.strip().isdigit()
    return str(text)


def page_of(reader: PdfReader, heading: str) -> int:
    """The 1-based number of the page that opens with `heading`."""
    numbers = [number for number, page in enumerate(reader.pages, start=1)
               if page.extract_text().splitlines()[0].strip() == heading]
    assert len(numbers) == 1, (heading, numbers)
    return numbers[0]


def headings(manuscript: Manuscript) -> list[str]:
    return [*(f"{s.index}. {s.title}" for s in manuscript.sections),
            manuscript.labels.references, manuscript.disclosure.heading]


@pytest.fixture(scope="module", params=["en", "uk"])
def manuscript(request: pytest.FixtureRequest) -> Manuscript:
    """English (author-date) and Ukrainian (numbered) with sections longer than a page."""
    return a_manuscript(language=request.param, sections=4, paragraphs=5,
                        words_per_paragraph=90, numbered=request.param == "uk")


@pytest.fixture(scope="module")
def reader(manuscript: Manuscript) -> PdfReader:
    return read(manuscript)


def test_the_title_page_has_the_title_kind_author_and_year(manuscript, reader):
    text = normalised(reader.pages[0].extract_text())
    labels = manuscript.labels
    assert manuscript.title in text
    assert labels.kind.upper() in text
    assert f"{labels.author}: {manuscript.author}" in text
    assert text.endswith(f" {manuscript.year}")  # "Year: 2025", or for GOST the year alone


def test_every_section_and_the_references_open_a_page(manuscript, reader):
    pages = [page_of(reader, heading) for heading in headings(manuscript)]
    assert pages == sorted(pages)
    assert pages[0] == 3  # after the title page and the contents


def test_the_contents_give_each_heading_the_page_it_is_on(manuscript, reader):
    lines = reader.pages[1].extract_text().splitlines()
    assert lines[0].strip() == manuscript.labels.contents
    entries = {m["title"]: int(m["page"]) for m in map(TOC_LINE.match, lines[1:]) if m}
    assert entries == {heading: page_of(reader, heading) for heading in headings(manuscript)}
    assert len(set(entries.values())) == len(entries)


def test_pages_after_the_title_carry_their_number_at_the_bottom(manuscript, reader):
    bottom = manuscript.layout.margin_bottom_mm * MM

    def numbers_at_bottom(page: Any) -> list[str]:
        return [text for _, y, text in fragments(page) if y < bottom and text.isdigit()]

    assert numbers_at_bottom(reader.pages[0]) == []
    for number, page in enumerate(reader.pages[1:], start=2):
        assert numbers_at_bottom(page) == [str(number)]


def test_every_bibliography_entry_is_printed_as_it_is(manuscript, reader):
    first = page_of(reader, manuscript.labels.references)
    last = page_of(reader, manuscript.disclosure.heading) - 1
    text = normalised(" ".join(page.extract_text() for page in reader.pages[first - 1:last]))
    for entry in manuscript.bibliography:
        assert entry in text


def test_author_date_entries_hang_and_numbered_entries_do_not():
    def left_edges(numbered: bool) -> set[float]:
        manuscript = a_manuscript(sections=1, paragraphs=1, numbered=numbered)
        reader = read(manuscript)
        page = reader.pages[page_of(reader, manuscript.labels.references) - 1]
        return {round(x / MM * 4) / 4 for x, y, text in fragments(page)
                if y > 25 * MM and text != manuscript.labels.references}

    assert left_edges(numbered=False) == {25, 25 + 12.5}  # hanging by 1.25 cm
    assert left_edges(numbered=True) == {25}


@pytest.mark.parametrize(("language", "sentence", "letters"), [
    ("uk", UK_SENTENCE, "іїєґ"), ("ru", RU_SENTENCE, "ыэъё")], ids=["uk", "ru"])
def test_cyrillic_text_is_extracted_exactly(language, sentence, letters):
    assert {*letters} <= {*sentence}
    manuscript = a_manuscript(language=language, sections=2, paragraphs=4)
    reader = read(manuscript)
    text = normalised(" ".join(body_text(page) for page in reader.pages[2:]))
    before, after = sentence.split("{cite}")
    found = re.findall(re.escape(before) + r" \[\d\]" + re.escape(after), text)
    expected = [cite for s in manuscript.sections for b in s.blocks
                for cite in re.findall(re.escape(before) + r" \[\d\]" + re.escape(after), b.text)]
    assert found == expected
    assert len(found) >= 2
    for paragraph in manuscript.sections[0].blocks:
        assert paragraph.text in text


@pytest.mark.parametrize(("language", "model", "checked"), CASES, ids=CASE_IDS)
def test_the_last_page_is_about_this_document(language, model, checked):
    manuscript = a_disclosed_manuscript(language, model, checked)
    reader = read(manuscript)
    expected = about(manuscript, model, checked)
    last = reader.pages[-1]
    assert page_of(reader, expected.heading) == len(reader.pages)
    assert normalised(body_text(last)) == expected.text
    lines = [" ".join(line.split()) for line in body_text(last).splitlines()]
    assert lines[0] == expected.heading
    assert all(any(fact.startswith(line) for line in lines if line) for fact in expected.facts)


def test_the_ukrainian_page_reads_exactly():
    """Spelled out once in full, apostrophes, guillemets and dashes included."""
    reader = read(a_disclosed_manuscript("uk", "gpt-4o-mini", checked=True))
    assert normalised(body_text(reader.pages[-1])) == (
        "Про цей документ Мовна модель: gpt-4o-mini Опрацьовано джерел: 6 Процитовано "
        "джерел: 4 Перевірено посилань: 12 Підтверджено анотацією: 9 Не підтверджено "
        "(посилання вилучено): 2 Не вдалося перевірити: 1 Чернетку цього тексту створено за "
        "допомогою штучного інтелекту на основі джерел зі списку використаних джерел. Кожне "
        "посилання перевірено за анотацією джерела, на яке воно вказує: «підтверджено» "
        "означає, що його підтверджує дослівна цитата з анотації; непідтверджені посилання "
        "вилучено; «не вдалося перевірити» означає, що джерело не має анотації або перевірка "
        "не відбулася.")


def test_pages_are_a4(reader):
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)


def test_the_stylesheet_carries_the_gost_page():
    css = " ".join(stylesheet(Layout.gost()).split())
    assert "margin: 20mm 15mm 20mm 30mm;" in css
    assert "font-size: 14pt;" in css
    assert "line-height: 1.5;" in css
    assert "@font-face" not in css
    assert "url(" not in css


@pytest.mark.parametrize(("language", "left_mm"), [("uk", 30), ("en", 25)])
def test_body_text_starts_at_the_left_margin(language, left_mm):
    page = read(a_manuscript(language=language, sections=1)).pages[2]
    body = [x for x, _, text in fragments(page) if len(text) > 20]
    assert min(body) == pytest.approx(left_mm * MM, abs=1)  # 85 pt for GOST, 71 otherwise


def test_metadata_carries_the_title_author_and_language(manuscript, reader):
    assert reader.metadata is not None
    assert reader.metadata.title == manuscript.title
    assert reader.metadata.author == manuscript.author
    assert reader.trailer["/Root"]["/Lang"] == manuscript.language


def test_bookmarks_follow_the_headings(manuscript, reader):
    top_level = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert top_level == [manuscript.labels.contents, *headings(manuscript)]


def test_the_fonts_are_dejavu(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object().get("/DescendantFonts", [font]):
                names.add(str(descendant.get_object()["/FontDescriptor"]["/FontName"]))
    assert names
    assert all("DejaVu-Serif" in name for name in names), names


def test_markup_in_the_text_is_printed_literally_and_nothing_is_fetched(monkeypatch):
    fetched: list[str] = []

    def record(self: RefuseEveryUrl, url: str, headers: object = None) -> None:
        fetched.append(url)
        raise FetchRefused(url)

    monkeypatch.setattr(RefuseEveryUrl, "fetch", record)
    manuscript = a_manuscript(sections=1, paragraphs=1)
    section = manuscript.sections[0]
    hostile = Block(kind=BlockKind.PARAGRAPH,
                    text='<style>@import url("https://x.test/a.css");</style><img src="data:,x">')
    manuscript = replace(manuscript, title=HOSTILE_TITLE, sections=(
        replace(section, blocks=(*section.blocks, hostile)),))

    reader = read(manuscript)

    assert fetched == []
    assert HOSTILE_TITLE in normalised(reader.pages[0].extract_text())
    assert hostile.text in normalised(reader.pages[2].extract_text())


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "https://example.com/logo.png", "http://169.254.169.254/",
    "data:image/png;base64,iVBORw0KGgo="])
@pytest.mark.parametrize("html", [
    '<img src="{url}">', '<link rel="stylesheet" href="{url}">',
    '<p style="background: url(\'{url}\')">x</p>', "<style>@import url('{url}');</style>"])
def test_the_fetcher_refuses_every_url_and_the_render_fails(url, html):
    with pytest.raises(FetchRefused):
        RefuseEveryUrl().fetch(url)
    with pytest.raises(RenderFailed):
        pdf_from_html(html.format(url=url), "")


def test_relative_urls_go_nowhere_without_a_base(monkeypatch):
    fetched: list[str] = []
    monkeypatch.setattr(RefuseEveryUrl, "fetch",
                        lambda self, url, headers=None: fetched.append(url))
    assert pdf_from_html('<img src="/etc/passwd"><img src="../secret.png">', "").startswith(b"%PDF")
    assert fetched == []


def test_the_templates_escape_everything():
    html = pdf.manuscript_html(replace(a_manuscript(sections=1), title="<b>x</b>"))
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
