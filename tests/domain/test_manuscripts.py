"""Export helpers of the domain: citation groups, blocks and file names."""

import pytest

from domain.citations import citation_groups, replace_citation_groups
from domain.manuscripts import (
    Block,
    BlockKind,
    ExportFormat,
    ascii_filename,
    blocks_of,
    export_filename,
)


def test_adjacent_markers_form_one_group_and_are_replaced_in_order() -> None:
    text = "Decks hang [1][3]. Towers stand [2]. Cables [1]."
    assert citation_groups(text) == [(1, 3), (2,), (1,)]
    replaced = replace_citation_groups(text, ["(A, 2020; C, 2021)", "(B, 2019)", ""])
    assert replaced == "Decks hang (A, 2020; C, 2021). Towers stand (B, 2019). Cables."


def test_blocks_split_on_blank_lines_and_hashes_make_subheadings() -> None:
    assert blocks_of("One\nline.\n\n## Sub title\n\n\n\nTwo.") == (
        Block(kind=BlockKind.PARAGRAPH, text="One line."),
        Block(kind=BlockKind.SUBHEADING, text="Sub title"),
        Block(kind=BlockKind.PARAGRAPH, text="Two."))


@pytest.mark.parametrize(("title", "name", "plain"), [
    ("Bridges: of Kyiv?", "Bridges-of-Kyiv.pdf", "Bridges-of-Kyiv.pdf"),
    ("Мости Києва", "Мости-Києва.pdf", "document.pdf"),
    ("Мости 2024 Kyiv", "Мости-2024-Kyiv.pdf", "2024-Kyiv.pdf"),
    ("???", "document.pdf", "document.pdf"),
])
def test_file_names(title: str, name: str, plain: str) -> None:
    assert export_filename(title, ExportFormat.PDF) == name
    assert ascii_filename(name) == plain
