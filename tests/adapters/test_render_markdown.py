"""The Markdown export read back: a small reader (blank-line blocks, ATX headings, list items,
backslash escapes) gets every heading, paragraph and citation back as written."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from tests.disclosures import CASE_IDS, CASES, a_disclosed_manuscript, about
from tests.manuscripts import a_manuscript

from adapters.rendering.markdown import render_markdown
from domain.manuscripts import Block, BlockKind, Manuscript

HEADING = re.compile(r"^(#{1,6}) (.+)$")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
CITATION = re.compile(r"\[\d+\]|\([^()]*\d{4}\)")
TRICKY = ("# not a heading", "## nor this", "- not a list", "+ nor this", "* nor this",
          "> not a quote", "2020. A year, not a list item", "3) nor this", "~~~ not a fence",
          "```not code```", "*not emphasis* and _nor this_", "<b>not HTML</b> &amp; <!-- -->",
          "[not a link](https://x.test) ![nor an image](x.png) <https://x.test>",
          "[1]: https://x.test is no reference definition", r"a \ backslash stays", "C#")


def unescape(text: str) -> str:
    return ESCAPE.sub(r"\1", text)


def read(markdown: bytes) -> list[tuple[str, str]]:
    """(kind, text) of each block: ("h1".."h6", text), ("li", text) or ("p", text)."""
    blocks: list[tuple[str, str]] = []
    for chunk in markdown.decode().split("\n\n"):
        lines = chunk.strip("\n").split("\n")
        if heading := HEADING.match(lines[0]):
            blocks.append((f"h{len(heading[1])}", unescape(heading[2])))
        elif all(line.startswith("- ") for line in lines):
            blocks.extend(("li", unescape(line[2:])) for line in lines)
        else:
            assert len(lines) == 1, chunk
            blocks.append(("p", unescape(lines[0])))
    return blocks


def expected(manuscript: Manuscript) -> list[tuple[str, str]]:
    labels = manuscript.labels
    gost = manuscript.language != "en"  # the Ukrainian and Russian manuscripts are GOST
    year = str(manuscript.year) if gost else f"{labels.year}: {manuscript.year}"
    blocks = [("h1", manuscript.title),
              ("p", f"{labels.kind} · {labels.author}: {manuscript.author} · {year}")]
    for section in manuscript.sections:
        blocks.append(("h2", f"{section.index}. {section.title}"))
        blocks.extend(("h3" if b.kind is BlockKind.SUBHEADING else "p", b.text)
                      for b in section.blocks)
    blocks.append(("h2", labels.references))
    kind = "p" if manuscript.numbered_references else "li"
    blocks.extend((kind, entry) for entry in manuscript.bibliography)
    disclosure = manuscript.disclosure
    blocks.append(("h2", disclosure.heading))
    blocks.extend(("li", f"{label}: {value}") for label, value in disclosure.facts)
    blocks.extend(("p", paragraph) for paragraph in disclosure.statement)
    return blocks


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "author-date"])
def test_headings_text_and_references_round_trip(language, numbered):
    manuscript = a_manuscript(language=language, numbered=numbered)
    assert read(render_markdown(manuscript)) == expected(manuscript)


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "author-date"])
def test_every_citation_comes_back(numbered):
    manuscript = a_manuscript(language="uk", numbered=numbered)
    texts = [b.text for s in manuscript.sections for b in s.blocks]
    citations = [c for text in texts for c in CITATION.findall(text)]
    assert len(citations) > 10
    read_back = [c for kind, text in read(render_markdown(manuscript)) if kind == "p"
                 for c in CITATION.findall(text) if not text.startswith(manuscript.labels.kind)]
    entries = manuscript.bibliography if numbered else ()
    assert read_back == citations + [c for e in entries for c in CITATION.findall(e)]


def test_the_headings_and_references_are_where_a_reader_looks():
    manuscript = a_manuscript(numbered=False)
    lines = render_markdown(manuscript).decode().splitlines()
    assert lines[0] == f"# {manuscript.title}"
    assert "## 1. Introduction" in lines
    assert "### Scope of the analysis" in lines
    assert "## References" in lines
    assert f"- {manuscript.bibliography[0]}" in lines


@pytest.mark.parametrize(("language", "model", "checked"), CASES, ids=CASE_IDS)
def test_the_file_ends_with_about_this_document(language, model, checked):
    manuscript = a_disclosed_manuscript(language, model, checked)
    markdown = render_markdown(manuscript).decode()
    expected = about(manuscript, model, checked)
    tail = markdown[markdown.rindex("\n## "):]
    assert tail == "\n" + "\n\n".join((
        f"## {expected.heading}", "\n".join(f"- {fact}" for fact in expected.facts),
        *expected.paragraphs)) + "\n"


def tricky(manuscript: Manuscript) -> Manuscript:
    section = manuscript.sections[0]
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=text) for text in TRICKY)
    return replace(manuscript, title="Learning C# <script>", sections=(
        replace(section, title="# and - in a title", blocks=section.blocks + blocks),
        *manuscript.sections[1:]))


def test_tricky_paragraph_starts_are_escaped_and_round_trip():
    manuscript = tricky(a_manuscript())
    markdown = render_markdown(manuscript)
    assert read(markdown) == expected(manuscript)
    lines = markdown.decode().splitlines()
    for text in TRICKY:
        line = next(line for line in lines if unescape(line) == text)
        assert not re.match(r"[#>+\-*~`<]|\d+[.)]", line) or line.startswith("\\"), line


def test_markdown_parsers_see_only_the_headings_paragraphs_and_list_we_wrote():
    markdown_it = pytest.importorskip("markdown_it")
    manuscript = tricky(a_manuscript(numbered=False))
    tokens = markdown_it.MarkdownIt("commonmark").parse(render_markdown(manuscript).decode())
    block_kinds = {token.type for token in tokens if token.nesting == 1}
    assert block_kinds == {"heading_open", "paragraph_open", "bullet_list_open",
                           "list_item_open"}
    inline_kinds = {child.type for token in tokens if token.type == "inline"
                    for child in token.children or ()}
    assert inline_kinds <= {"text", "softbreak"}
    texts = [token.content for token in tokens if token.type == "inline"]
    rendered = [child.content for token in tokens if token.type == "inline"
                for child in token.children or ()]
    assert len(texts) == len(expected(manuscript))
    assert "".join(rendered) == "".join(text for _, text in expected(manuscript))


def test_the_file_is_utf8():
    markdown = render_markdown(a_manuscript(language="ru"))
    assert "Съёмка".encode() in markdown
    assert markdown.endswith(b"\n")
