"""Export helpers of the domain: citation groups, blocks and file names."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.citations import citation_groups, replace_citation_groups
from domain.languages import Language
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


def by_the_pattern(text: str, rendered: list[str]) -> str:
    """What replace_citation_groups means, as one regular expression."""
    forms = iter(rendered)
    return re.sub(r"(\s?)(?:\[\d+\])+",
                  lambda m: f"{m.group(1)}{form}" if (form := next(forms)) else "", text)


@given(pieces=st.lists(st.sampled_from(["[1]", "[23]", " ", "\n", "\u00a0", "a", "[", "]",
                                        "[x]", "word", ". "]), max_size=40),
       forms=st.lists(st.sampled_from(["", "(A, 2020)", "[4]", " "]), min_size=40,
                      max_size=40))
def test_groups_are_replaced_as_the_pattern_says(pieces: list[str], forms: list[str]) -> None:
    text = "".join(pieces)
    rendered = forms[:len(citation_groups(text))]
    assert replace_citation_groups(text, rendered) == by_the_pattern(text, rendered)


def test_fewer_citations_than_groups_are_refused() -> None:
    with pytest.raises(ValueError, match="fewer rendered citations"):
        replace_citation_groups("Decks [1]. Towers [2].", ["(A, 2020)"])


def test_blocks_split_on_blank_lines_and_hashes_make_subheadings() -> None:
    assert blocks_of("One\nline.\n\n## Sub title\n\n\n\nTwo.") == (
        Block(kind=BlockKind.PARAGRAPH, text="One line."),
        Block(kind=BlockKind.SUBHEADING, text="Sub title"),
        Block(kind=BlockKind.PARAGRAPH, text="Two."))


@pytest.mark.parametrize(("title", "name", "plain"), [
    ("Bridges: of Kyiv?", "Bridges-of-Kyiv.pdf", "Bridges-of-Kyiv.pdf"),
    ("Мости Києва", "Мости-Києва.pdf", "Mosty-Kyieva.pdf"),
    ("Мости 2024 Kyiv", "Мости-2024-Kyiv.pdf", "Mosty-2024-Kyiv.pdf"),
    ("???", "document.pdf", "document.pdf"),
    ("数字化", "数字化.pdf", "document.pdf"),
])
def test_file_names(title: str, name: str, plain: str) -> None:
    assert export_filename(title, ExportFormat.PDF) == name
    assert ascii_filename(name) == plain


@pytest.mark.parametrize(("title", "language", "plain"), [
    # Ukrainian: the national system of 2010 (KMU), the issue's own example
    ("Цифрова трансформація", "uk", "Tsyfrova-transformatsiia"),
    ("Єдність, Їжак і Згорани: ЩАСТЯ", "uk", "Yednist-Yizhak-i-Zghorany-SHCHASTIA"),
    # Russian: ICAO Doc 9303, as Russian passports since 2013
    ("Цифровая трансформация экономики", "ru", "Tsifrovaia-transformatsiia-ekonomiki"),
    ("Юрий и подъезд", "ru", "Iurii-i-podieezd"),
    # without a language, letters only one of them has decide
    ("Цифрова трансформація", None, "Tsyfrova-transformatsiia"),
    ("Экономика", None, "Ekonomika"),
    # Italian (and other Latin) accents folded
    ("Perché l'Università è così", "it", "Perche-l-Universita-e-cosi"),
    ("Straße über Łódź", "de", "Strasse-uber-Lodz"),
])
def test_the_ascii_name_is_the_title_transliterated(title: str, language: str | None,
                                                     plain: str) -> None:
    name = export_filename(title, ExportFormat.PDF)
    spoken = None if language is None else Language(language)
    assert ascii_filename(name, spoken) == f"{plain}.pdf"
