
import asyncio
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from adapters.bibliography.citeproc_formatter import CiteprocBibliographyFormatter
from domain.documents import CitationStyle, Source
from domain.languages import Language

EN, UK = Language("en"), Language("uk")
KOLMOGOROV_TITLE = "Три подхода к определению понятия «количество информации»"


def a_source(n: int, title: str, authors: tuple[str, ...], year: int | None = 2015,
             venue: str | None = "Nature", doi: str | None = None) -> Source:
    return Source(n=n, title=title, authors=authors, year=year, venue=venue, doi=doi,
                  url=f"https://doi.org/{doi}" if doi else None)


LECUN = a_source(1, "Deep learning", ("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
                 doi="10.1038/nature14539")
KOLMOGOROV = a_source(2, KOLMOGOROV_TITLE, ("А. Н. Колмогоров",), 1965,
                      "Проблемы передачи информации")
VASWANI = a_source(3, "Attention is all you need", ("Ashish Vaswani", "Noam Shazeer"), 2017,
                   "Advances in Neural Information Processing Systems")
BRAUN = a_source(4, "Using thematic analysis in psychology", ("Braun, Virginia", "Clarke, V."),
                 2006, "Qualitative Research in Psychology", "10.1191/1478088706qp063oa")
UNDATED = a_source(5, "An undated report", ("Ada Lovelace",), None, None)


@pytest.fixture(scope="module")
def formatter() -> CiteprocBibliographyFormatter:
    return CiteprocBibliographyFormatter()


@pytest.mark.parametrize("language", [EN, UK])
@pytest.mark.parametrize("style", list(CitationStyle))
async def test_every_style_renders_latin_and_cyrillic_entries(formatter, style, language):
    entries = await formatter.format([LECUN, KOLMOGOROV], style, language)

    assert len(entries) == 2
    [cyrillic] = [entry for entry in entries if KOLMOGOROV_TITLE in entry]
    assert "Колмогоров" in cyrillic
    assert "Проблемы передачи информации" in cyrillic
    [latin] = [entry for entry in entries if "LeCun" in entry]
    assert "Deep" in latin and "Nature" in latin


@pytest.mark.parametrize(("style", "labels"), [
    (CitationStyle.IEEE, ("[3] ", "[1] ", "[4] ")), (CitationStyle.GOST, ("3. ", "1. ", "4. "))])
async def test_numeric_styles_keep_the_sources_order_and_number_it(formatter, style, labels):
    entries = await formatter.format([VASWANI, LECUN, BRAUN], style, EN)

    assert [entry[:len(label)] for entry, label in zip(entries, labels, strict=True)] == [
        *labels]
    assert ["Vaswani" in entries[0], "LeCun" in entries[1], "Braun" in entries[2]] == [True] * 3


@pytest.mark.parametrize(("style", "labels"), [
    (CitationStyle.IEEE, ("[2] ", "[7] ")), (CitationStyle.GOST, ("2. ", "7. "))])
async def test_numeric_labels_are_the_sources_own_numbers(formatter, style, labels):
    """Only sources 2 and 7 are cited: the entries must say [2] and [7], as the text does."""
    cited = [replace(LECUN, n=2), replace(BRAUN, n=7)]
    entries = await formatter.format(cited, style, EN)

    assert [entry[:len(label)] for entry, label in zip(entries, labels, strict=True)] == [
        *labels]
    assert "LeCun" in entries[0]
    assert "Braun" in entries[1]


@pytest.mark.parametrize("style", [CitationStyle.APA, CitationStyle.HARVARD,
                                   CitationStyle.CHICAGO, CitationStyle.MLA])
async def test_author_date_styles_sort_by_author(formatter, style):
    entries = await formatter.format([VASWANI, LECUN, BRAUN], style, EN)

    assert [entry.split(",")[0] for entry in entries] == ["Braun", "LeCun", "Vaswani"]


@pytest.mark.parametrize("style", list(CitationStyle))
async def test_there_is_one_entry_per_source(formatter, style):
    sources = [LECUN, KOLMOGOROV, VASWANI, BRAUN, UNDATED]

    assert len(await formatter.format(sources, style, UK)) == len(sources)


@pytest.mark.parametrize(("style", "language", "no_date"), [
    (CitationStyle.APA, EN, "(n.d.)"), (CitationStyle.HARVARD, EN, "(no date)"),
    (CitationStyle.CHICAGO, EN, "n.d."), (CitationStyle.APA, UK, "(б. д.)")])
async def test_a_missing_year_gets_the_styles_no_date(formatter, style, language, no_date):
    [entry] = await formatter.format([UNDATED], style, language)

    assert no_date in entry
    assert "an undated report" in entry.casefold()
    assert "Edition" not in entry  # no venue: not rendered as a journal article without one


async def test_apa_shows_the_doi_and_title_cases_nothing(formatter):
    entries = await formatter.format([LECUN, BRAUN], CitationStyle.APA, EN)

    assert entries == [
        "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative "
        "Research in Psychology. https://doi.org/10.1191/1478088706qp063oa",
        "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature. "
        "https://doi.org/10.1038/nature14539",
    ]


async def test_english_titles_are_title_cased_where_the_style_wants_it(formatter):
    entries = await formatter.format([VASWANI, KOLMOGOROV], CitationStyle.MLA, EN)

    assert any("“Attention Is All You Need”" in entry for entry in entries)
    assert any(f"“{KOLMOGOROV_TITLE}”" in entry for entry in entries)


async def test_labels_are_in_the_documents_language(formatter):
    [english] = await formatter.format([BRAUN], CitationStyle.HARVARD, EN)
    [ukrainian] = await formatter.format([BRAUN], CitationStyle.HARVARD, UK)

    assert "Braun, V. and Clarke, V." in english and "Available at:" in english
    assert "Braun, V. і Clarke, V." in ukrainian and "Доступний у:" in ukrainian
    assert ". ," not in (await formatter.format([LECUN], CitationStyle.MLA, UK))[0]


async def test_entities_and_inline_tags_from_providers_become_plain_text(formatter):
    source = a_source(1, "<i>In vitro</i> fish &amp; chips", ("Ada Lovelace",))

    [entry] = await formatter.format([source], CitationStyle.IEEE, EN)

    assert entry.startswith("[1] A. Lovelace, “In vitro fish & chips”")


async def test_no_sources_no_entries(formatter):
    assert await formatter.format([], CitationStyle.APA, EN) == []


async def test_rendering_raises_no_warnings_and_runs_on_the_given_executor():
    class CountingExecutor(ThreadPoolExecutor):
        submitted = 0

        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            CountingExecutor.submitted += 1
            return super().submit(*args, **kwargs)

    with CountingExecutor(max_workers=1) as executor, warnings.catch_warnings():
        warnings.simplefilter("error")
        formatter = CiteprocBibliographyFormatter(executor=executor)
        await formatter.format([LECUN, KOLMOGOROV, UNDATED], CitationStyle.GOST, Language("sw"))

    assert CountingExecutor.submitted == 1


async def test_concurrent_renders_of_one_style_do_not_mix(formatter):
    lists = [[LECUN, KOLMOGOROV], [BRAUN], [VASWANI, UNDATED, LECUN]] * 6

    results = await asyncio.gather(*(formatter.format(sources, CitationStyle.IEEE, UK)
                                     for sources in lists))

    assert results == [await formatter.format(sources, CitationStyle.IEEE, UK) for sources in lists]
