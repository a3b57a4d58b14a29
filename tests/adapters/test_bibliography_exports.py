"""BibTeX, RIS and CSL-JSON files of Cyrillic and Latin sources, read back by real parsers:
bibtexparser (with LaTeX decoding), rispy, and citeproc-py rendering a style."""

import asyncio
import json
import unicodedata
from dataclasses import replace

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from adapters.bibliography.bibtex import bibtex_file
from adapters.bibliography.citation_keys import citation_keys
from adapters.bibliography.csl_json import csl_json_file
from adapters.bibliography.files import BibliographyFiles
from adapters.bibliography.ris import ris_file
from domain.documents import Source
from domain.manuscripts import ExportFormat

SHEVCHENKO = Source(n=1, title="Кобзар: вірші та поеми", authors=("Шевченко, Тарас",),
                    year=1840, venue="Український історичний журнал", doi="10.15407/uhj1840",
                    url="https://doi.org/10.15407/uhj1840", abstract="Збірка поезій.")
MULLER = Source(n=2, title="Über Brücken & Tunnel: 50% of {load}_max costs $3 — #1 ~ ^ \\ A",
                authors=("Jürgen Müller", "Łukasz Żółć", "Jan van der Berg"), year=2019,
                venue="Journal of Bridge Engineering", doi="10.1061/(ASCE)BE.1943-5592_0001",
                url="https://example.org/a_b%20c?x=1&y=2#top",
                abstract="Cables -- and towers; ``quoted'' text, 100% sure.")
KOLMOGOROV = Source(n=3, title="Три подхода к определению понятия «количество информации»",
                    authors=("А. Н. Колмогоров",), year=1965,
                    venue="Проблемы передачи информации", doi=None, url=None)
WHO = Source(n=4, title="Set {a of unbalanced braces", authors=("World Health Organization",),
             year=2020, venue="Proceedings of the International Conference on Health",
             doi=None, url=None)
PAGE = Source(n=5, title="A page on bridges", authors=("Müller, Jürgen",), year=2019,
              venue=None, doi=None, url="https://example.org/bridges")
UNDATED = Source(n=6, title="An undated note", authors=(), year=None, venue=None, doi=None,
                 url=None)
SOURCES = (SHEVCHENKO, MULLER, KOLMOGOROV, WHO, PAGE, UNDATED)

# (family, given) as each source's authors are meant; organisations have no given name.
AUTHORS = {1: [("Шевченко", "Тарас")],
           2: [("Müller", "Jürgen"), ("Żółć", "Łukasz"), ("van der Berg", "Jan")],
           3: [("Колмогоров", "А. Н.")], 4: [("World Health Organization", "")],
           5: [("Müller", "Jürgen")], 6: []}

# LaTeX (textcomp) defines these; pylatexenc's reader lacks them or reads \textasciicircum
# as U+02C6 instead of "^". A reader that knows LaTeX reads them as the characters.
TEXTCOMP = [("textbraceleft", "{"), ("textbraceright", "}"), ("textless", "<"),
            ("textgreater", ">"), ("textbar", "|"), ("textasciicircum", "^")]


def latex_decoder() -> LatexNodes2Text:
    context = get_default_latex_context_db()
    context.add_context_category("textcomp", prepend=True,
                                 macros=[MacroTextSpec(name, text) for name, text in TEXTCOMP])
    return LatexNodes2Text(latex_context=context)


def parsed_bibtex(text: str) -> tuple[list, list, list]:
    """The entries decoded from LaTeX; the same entries as written (DOIs and URLs are
    verbatim: LaTeX decoding would read their `%` as a comment); and each entry's authors as
    BibTeX splits them, (von + last, first), each part decoded."""
    decoder = latex_decoder()
    decoded = bibtexparser.parse_string(text, append_middleware=[
        LatexDecodingMiddleware(decoder=decoder)])
    raw = bibtexparser.parse_string(text)
    split = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(),
                                                               SplitNameParts()])
    assert not (decoded.failed_blocks or raw.failed_blocks or split.failed_blocks)
    authors = [[(decoder.latex_to_text(" ".join(name.von + name.last)),
                 decoder.latex_to_text(" ".join(name.first)))
                for name in (entry["author"] if "author" in entry.fields_dict else [])]
               for entry in split.entries]
    return decoded.entries, raw.entries, authors


def test_bibtex_parses_back_to_the_same_works() -> None:
    entries, raw, authors = parsed_bibtex(bibtex_file(SOURCES))

    assert [entry.key for entry in entries] == citation_keys(SOURCES)
    assert [entry.entry_type for entry in entries] == [
        "article", "article", "article", "inproceedings", "misc", "misc"]
    assert authors == [AUTHORS[source.n] for source in SOURCES]
    for source, entry, written in zip(SOURCES, entries, raw, strict=True):
        assert entry["title"] == source.title
        assert entry.fields_dict.get("year") is None if source.year is None else \
            entry["year"] == str(source.year)
        venue = entry.fields_dict.get("journal") or entry.fields_dict.get("booktitle")
        assert (venue.value if venue else None) == source.venue
        for key, value in (("doi", source.doi), ("url", source.url)):
            assert (written[key] if value else written.fields_dict.get(key)) == value
        assert entry.fields_dict.get("abstract") is None if source.abstract is None else \
            entry["abstract"] == source.abstract


def test_bibtex_escapes_latex_and_keeps_titles_capitals() -> None:
    text = " ".join(bibtex_file([MULLER, WHO, SHEVCHENKO]).split())  # values aligned or not

    assert r"{\"U}ber Br{\"u}cken {\&} Tunnel: 50{\%} of {\{}load{\}}{\_}max costs {\$}3" in text
    assert r"{\L}ukasz" in text and r"{\textbraceleft}a" in text  # a lone brace: a macro
    assert "title = {{Кобзар: вірші та поеми}}" in text  # Cyrillic as UTF-8, braced
    assert "author = {Шевченко, Тарас}" in text
    assert "author = {{World Health Organization}}" in text  # one name, not three
    assert "Cables -{}- and towers; `{}`quoted'{}' text" in text  # no TeX ligatures
    assert "url = {https://example.org/a_b%20c?x=1&y=2#top}" in text  # verbatim


def test_bibtex_author_names_are_family_comma_given_joined_by_and() -> None:
    [entry] = bibtexparser.parse_string(bibtex_file([MULLER])).entries

    assert entry["author"] == (r"M{\"u}ller, J{\"u}rgen and {\.Z}{\'o}{\l}{\'c}, {\L}ukasz"
                               " and van der Berg, Jan")


def test_citation_keys_are_ascii_family_and_year_with_suffixes_for_clashes() -> None:
    later = Source(n=7, title="Гайдамаки", authors=("Тарас Шевченко",), year=1840,
                   venue=None, doi=None, url=None)

    keys = citation_keys([SHEVCHENKO, MULLER, KOLMOGOROV, WHO, PAGE, UNDATED, later])

    assert keys == ["Shevchenko1840a", "Muller2019a", "Kolmogorov1965", "World2020",
                    "Muller2019b", "An", "Shevchenko1840b"]
    assert len(set(keys)) == len(keys) and all(key.isascii() and key.isalnum() for key in keys)


def test_ris_parses_back_to_the_same_works() -> None:
    records = rispy.loads(ris_file(SOURCES))

    assert [record["type_of_reference"] for record in records] == [
        "JOUR", "JOUR", "JOUR", "CPAPER", "ELEC", "GEN"]
    for source, record in zip(SOURCES, records, strict=True):
        assert record["title"] == source.title
        assert record.get("year") == (None if source.year is None else str(source.year))
        assert record.get("authors", []) == [", ".join(filter(None, name))
                                             for name in AUTHORS[source.n]]
        assert record.get("secondary_title") == source.venue
        assert record.get("doi") == source.doi
        assert record.get("urls", [None]) == [source.url]
        assert record.get("abstract") == source.abstract
    assert [record["id"] for record in records] == citation_keys(SOURCES)


def test_ris_records_run_from_ty_to_er_without_numbers() -> None:
    lines = ris_file([SHEVCHENKO, UNDATED]).split("\r\n")

    assert lines[0] == "TY  - JOUR" and lines.count("ER  - ") == 2
    assert all((line[:2].isupper() and line[2:6] == "  - ") or line == "" for line in lines)


def test_csl_json_renders_each_work_through_citeproc() -> None:
    items = json.loads(csl_json_file(SOURCES))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("apa", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))

    entries = [str(entry) for entry in bibliography.bibliography()]

    assert [item["type"] for item in items] == [
        "article-journal", "article-journal", "article-journal", "paper-conference",
        "webpage", "document"]
    for work in SOURCES:
        [entry] = [entry for entry in entries if work.title in entry]
        assert all(family in entry for family, _ in AUTHORS[work.n])
        assert str(work.year or "n.d.") in entry
    assert items[0]["author"] == [{"family": "Шевченко", "given": "Тарас"}]
    assert items[0]["issued"] == {"date-parts": [[1840]]}
    assert items[0]["DOI"] == SHEVCHENKO.doi and items[0]["abstract"] == SHEVCHENKO.abstract
    assert [item["id"] for item in items] == citation_keys(SOURCES)


@pytest.mark.parametrize(("format", "empty"), [
    (ExportFormat.BIBTEX, b""), (ExportFormat.RIS, b""), (ExportFormat.CSLJSON, b"[]\n")])
def test_no_sources_make_a_valid_empty_file(format, empty) -> None:
    assert asyncio.run(BibliographyFiles().write([], format)) == empty


def test_the_writer_refuses_a_format_that_is_no_bibliography() -> None:
    with pytest.raises(ValueError, match="pdf"):
        asyncio.run(BibliographyFiles().write(SOURCES, ExportFormat.PDF))


async def test_the_writer_answers_utf8_bytes_of_each_format() -> None:
    writer = BibliographyFiles()

    bibtex = (await writer.write(SOURCES, ExportFormat.BIBTEX)).decode()
    ris = (await writer.write(SOURCES, ExportFormat.RIS)).decode()
    csl = (await writer.write(SOURCES, ExportFormat.CSLJSON)).decode()

    assert bibtex == bibtex_file(SOURCES) and ris == ris_file(SOURCES)
    assert json.loads(csl)[0]["title"] == SHEVCHENKO.title


# Characters LaTeX and BibTeX treat specially (and those TeX joins in pairs), drawn often.
TRICKY = st.sampled_from("&%$#_{}~^\\<>|\"'`-,?!@ éŁ")


@settings(max_examples=300, deadline=None)
@given(title=st.lists(TRICKY | st.characters(blacklist_categories=("Cs", "Cc")),
                      min_size=1, max_size=60).map("".join).filter(str.strip))
def test_any_title_parses_back_from_bibtex_as_written(title) -> None:
    source = Source(n=1, title=title, authors=("Тарас Шевченко",), year=2000, venue=title,
                    doi=None, url=None, abstract=title)

    [entry], _, [authors] = parsed_bibtex(bibtex_file([source]))

    expected = unicodedata.normalize("NFC", " ".join(title.split()))  # one line
    assert entry["title"] == entry["journal"] == entry["abstract"] == expected
    assert authors == [("Шевченко", "Тарас")]


texts = st.lists(TRICKY | st.characters(), max_size=40).map("".join)
any_sources = st.lists(st.builds(
    Source, n=st.integers(1, 99), title=texts, authors=st.lists(texts, max_size=3).map(tuple),
    year=st.none() | st.integers(1500, 2100), venue=st.none() | texts,
    doi=st.none() | texts, url=st.none() | texts, abstract=st.none() | texts), max_size=6)


@settings(max_examples=200, deadline=None)
@given(sources=any_sources)
@example(sources=[replace(UNDATED, doi="10.1000/x\\", url="https://example.org/{a\\")])
def test_any_sources_give_one_entry_each_under_unique_ascii_keys(sources) -> None:
    keys = citation_keys(sources)

    assert len(set(keys)) == len(keys) == len(sources)
    assert all(key.isascii() and key.isalnum() for key in keys)
    assert len(bibtexparser.parse_string(bibtex_file(sources)).entries) == len(sources)
    assert len(rispy.loads(ris_file(sources))) == len(sources)
    assert [item["id"] for item in json.loads(csl_json_file(sources))] == keys
