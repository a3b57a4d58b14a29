import re

import pytest

from adapters.sources.offline import OfflineSourceFinder
from adapters.sources.offline_catalogue import CATALOGUE, GENERAL_METHODS
from domain.languages import Language
from domain.sources import normalise_doi, normalise_title

EN, RU = Language("en"), Language("ru")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@pytest.fixture
def finder() -> OfflineSourceFinder:
    return OfflineSourceFinder()


async def titles(finder: OfflineSourceFinder, query: str, language: Language = EN,
                 limit: int = 3) -> list[str]:
    return [work.title for work in await finder.search(query, language=language, limit=limit)]


async def test_the_best_keyword_overlap_comes_first(finder):
    assert await titles(finder, "Deep learning for image recognition", limit=2) == [
        "Deep residual learning for image recognition", "Deep learning"]


async def test_plural_and_singular_words_match(finder):
    assert (await titles(finder, "firms", limit=1)) == ["The nature of the firm"]


async def test_a_cyrillic_query_finds_the_cyrillic_works(finder):
    [first] = await titles(finder, "Количество информации", language=RU, limit=1)
    assert first == "Три подхода к определению понятия «количество информации»"


async def test_ties_put_works_in_the_documents_script_first(finder):
    query = "information информации"
    russian = "Три подхода к определению понятия «количество информации»"

    assert (await titles(finder, query, language=RU, limit=5))[0] == russian
    assert (await titles(finder, query, language=EN, limit=5))[0] != russian


async def test_no_match_falls_back_to_the_general_methods_works(finder):
    works = await finder.search("zzzz qqqq", language=EN, limit=3)

    assert works == list(GENERAL_METHODS[:3])


async def test_few_matches_are_followed_by_methods_works_up_to_the_limit(finder):
    works = await finder.search("artificial intelligence", language=EN, limit=4)

    assert works[0].title == "Computing machinery and intelligence"
    assert works[1:] == list(GENERAL_METHODS[:3])


async def test_the_same_query_gives_the_same_answer_and_respects_the_limit(finder):
    first = await finder.search("learning in education", language=EN, limit=7)

    assert await finder.search("learning in education", language=EN, limit=7) == first
    assert len(first) == 7
    assert await finder.search("learning", language=EN, limit=0) == []


async def test_every_answer_comes_from_the_catalogue(finder):
    for query in ("economics", "history of work", "статистика", "", "medicine survival"):
        for work in await finder.search(query, language=EN, limit=20):
            assert work in CATALOGUE


def test_the_catalogue_is_broad_and_well_formed():
    dois = [normalise_doi(work.doi) for work in CATALOGUE if work.doi]
    assert len(CATALOGUE) >= 40
    assert all(DOI.match(doi) for doi in dois if doi)
    assert len(set(dois)) == len(dois)
    assert len({normalise_title(work.title) for work in CATALOGUE}) == len(CATALOGUE)
    for work in CATALOGUE:
        assert work.authors and work.venue
        assert work.year is not None and 1900 <= work.year <= 2025
        assert work.url == (f"https://doi.org/{work.doi}" if work.doi else None)
    assert any(not work.title.isascii() for work in CATALOGUE)
