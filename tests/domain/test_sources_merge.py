"""Search results merge into a document's numbered sources: duplicates are one source,
numbers never change, relevance ranks before citation count, and the count follows length."""

from hypothesis import given
from hypothesis import strategies as st

from domain.documents import Provider
from domain.sources import FoundWork, merge_sources, number_sources, sources_wanted


def work(title: str, *, doi: str | None = None, year: int | None = 2020,
         cited_by: int | None = None, abstract: str | None = None) -> FoundWork:
    return FoundWork(title=title, authors=("A. Author",), year=year, venue=None, doi=doi,
                     url=None, abstract=abstract, provider=Provider.OPENALEX, cited_by=cited_by)


def test_the_count_grows_with_length_between_eight_and_the_cap() -> None:
    assert [sources_wanted(words, 120) for words in (300, 3_200, 3_201, 9_000, 100_000)] == \
        [8, 8, 9, 23, 120]
    assert sources_wanted(100_000, 40) == 40


def test_duplicates_by_doi_or_by_title_and_year_are_one_source() -> None:
    sources, per_search = merge_sources((), [
        [work("Bridges", doi="10.1/A"), work("Cables", year=2001)],
        [work("Other title", doi="https://doi.org/10.1/a"), work("CABLES!", year=2001),
         work("Cables", year=2002)],
    ], limit=10)

    assert [s.title for s in sources] == ["Bridges", "Cables", "Cables"]
    assert [s.year for s in sources] == [2020, 2001, 2002]
    assert per_search == ((1, 2), (1, 2, 3))


def test_a_work_found_twice_keeps_the_abstract_and_the_larger_count() -> None:
    sources, _ = merge_sources((), [[work("Bridges", doi="10.1/a", cited_by=3)],
                                    [work("Bridges", doi="10.1/a", cited_by=40,
                                          abstract="What it found.")]], limit=10)
    [source] = sources
    assert (source.abstract, source.cited_by, source.provider) == (
        "What it found.", 40, Provider.OPENALEX)


def test_relevance_first_then_citation_count() -> None:
    sources, _ = merge_sources((), [
        [work("A1", cited_by=1), work("A2", cited_by=900)],
        [work("B1", cited_by=50), work("B2", cited_by=5)],
    ], limit=10)
    assert [s.title for s in sources] == ["B1", "A1", "A2", "B2"]


def test_existing_numbers_never_change_and_new_ones_follow() -> None:
    existing = number_sources([work("Old one", doi="10.1/old"), work("Old two")])
    sources, per_search = merge_sources(existing, [[work("New"), work("Old two"),
                                                    work("x", doi="10.1/OLD")]], limit=10)
    assert [(s.n, s.title) for s in sources] == [(1, "Old one"), (2, "Old two"), (3, "New")]
    assert per_search == ((3, 2, 1),)


def test_the_limit_caps_the_list_and_searches_name_only_numbered_works() -> None:
    sources, per_search = merge_sources((), [[work(f"W{i}") for i in range(5)]], limit=3)
    assert [s.n for s in sources] == [1, 2, 3]
    assert per_search == ((1, 2, 3),)


def test_works_without_a_title_are_left_out() -> None:
    sources, per_search = merge_sources((), [[work("  "), work("Real")]], limit=10)
    assert [s.title for s in sources] == ["Real"]
    assert per_search == ((1,),)


titles = st.sampled_from(["Bridges", "bridges", "Cables", "Towers", "Decks", "Piers"])
works = st.builds(lambda t, d, y, c: work(t, doi=d, year=y, cited_by=c), titles,
                  st.sampled_from([None, "10.1/a", "10.1/b", "10.1/c"]),
                  st.sampled_from([None, 1999, 2020]), st.none() | st.integers(0, 100))


@given(st.lists(st.lists(works, max_size=6), max_size=4), st.integers(1, 12))
def test_numbers_are_dense_unique_and_no_work_is_listed_twice(found, limit) -> None:
    sources, per_search = merge_sources((), found, limit)
    assert [s.n for s in sources] == list(range(1, len(sources) + 1))
    assert len(sources) <= limit
    dois = [s.doi for s in sources if s.doi]
    assert len(dois) == len(set(dois))
    assert all(set(numbers) <= {s.n for s in sources} for numbers in per_search)
    again, _ = merge_sources(sources, found, limit)
    assert again == sources  # merging the same results again adds nothing


def test_two_dois_are_two_works_even_under_one_title_and_year() -> None:
    sources, _ = merge_sources((), [[work("Introduction", doi="10.1/2019"),
                                     work("Introduction", doi="10.1/2020")]], limit=10)
    assert [s.doi for s in sources] == ["10.1/2019", "10.1/2020"]
