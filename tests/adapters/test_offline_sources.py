"""The offline finder: only catalogue works that match the query, in any document language;
and the catalogue itself: real works, each complete and listed once."""

import re

import pytest

from adapters.sources.catalogue import CATALOGUE
from adapters.sources.offline import OfflineSourceFinder
from adapters.sources.offline_words import stem
from domain.document_parts import Provider
from domain.languages import Language
from domain.sources import normalise_doi, normalise_title

EN, RU, UK, IT = Language("en"), Language("ru"), Language("uk"), Language("it")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
WORKS = [entry.work for entry in CATALOGUE]
BRIDGE_WORDS = ("bridge", "cable", "wind", "structur")
METHODS_TITLES = {"Using thematic analysis in psychology", "Coefficient alpha and the internal "
                  "structure of tests", "Mixed methods research: A research paradigm whose "
                  "time has come"}
SMALL_BUSINESS_WORDS = ("small", "entrepreneur", "firm", "enterprise", "transition")


@pytest.fixture
def finder() -> OfflineSourceFinder:
    return OfflineSourceFinder()


async def titles(finder: OfflineSourceFinder, query: str, language: Language = EN,
                 limit: int = 20) -> list[str]:
    return [work.title for work in await finder.search(query, language=language, limit=limit)]


def about(title: str, words: tuple[str, ...]) -> bool:
    entry = next(entry for entry in CATALOGUE if entry.work.title == title)
    text = f"{title} {entry.keywords}".casefold()
    return any(word in text for word in words)


async def test_suspension_bridges_find_bridge_works_and_no_methods_papers(finder):
    found = await titles(finder, "Suspension bridges")

    assert len(found) >= 8
    assert all(about(title, BRIDGE_WORDS) for title in found)
    assert "Resonance, Tacoma Narrows bridge failure, and undergraduate physics textbooks" in found
    assert not set(found) & METHODS_TITLES
    assert not any("psycholog" in title.casefold() for title in found)


async def test_a_ukrainian_small_business_query_finds_small_business_works(finder):
    found = await titles(finder, "Розвиток малого бізнесу в Україні", language=UK)

    assert len(found) >= 8
    assert all(about(title, SMALL_BUSINESS_WORDS) for title in found)
    assert "Small and medium-size enterprises: Access to finance as a growth constraint" in found
    assert "Property rights and finance" in found[:3]  # about small firms, Ukraine among them


@pytest.mark.parametrize(("query", "language", "expected"), [
    ("Малый бизнес в России", RU, "Understanding the Small Business Sector"),
    ("Le piccole imprese", IT, "Understanding the Small Business Sector"),
    ("Мости Карпат. Підвісні мости в Українських Карпатах", UK,
     "Cable Supported Bridges: Concept and Design"),
    ("ponti sospesi", IT, "Cable Structures"),
    ("Машинне навчання в освіті", UK, "Deep learning"),
    ("Количество информации", RU, "Три подхода к определению понятия «количество информации»"),
])
async def test_queries_in_other_languages_find_works_by_their_keywords(
        finder, query, language, expected):
    assert expected in await titles(finder, query, language=language)


async def test_nonsense_and_blank_queries_find_nothing(finder):
    assert await titles(finder, "Xyzzy plugh frobnicate quux") == []
    assert await titles(finder, "   ") == []
    assert await titles(finder, "the and of") == []


async def test_a_word_shared_by_chance_does_not_bring_a_work_along(finder):
    found = await titles(finder, "Climate change adaptation")

    assert "The economics of climate change" in found
    for unrelated in ("Endogenous technological change", "The social motivation of a sound change"):
        assert unrelated not in found


async def test_a_word_the_title_and_topic_share_outweighs_one_said_once(finder):
    found = await titles(finder, "Bridges. Suspension bridges in Europe")

    assert all(about(title, BRIDGE_WORDS) for title in found)
    assert "Bloodlands: Europe Between Hitler and Stalin" not in found


async def test_the_best_match_comes_first_and_plurals_meet_singulars(finder):
    assert (await titles(finder, "Deep learning for image recognition"))[0] == (
        "Deep residual learning for image recognition")
    assert (await titles(finder, "firms", limit=1)) == ["The nature of the firm"]
    assert stem("bridges") == stem("bridge") and stem("ponti") == stem("ponte")
    assert stem("малого") == stem("малий") and stem("бізнесу") == stem("бізнес")


async def test_ties_put_works_in_the_documents_script_first(finder):
    query = "history of Ukraine"

    assert (await titles(finder, query, language=UK))[0] == "Історія України-Руси"
    assert (await titles(finder, query, language=EN))[0] != "Історія України-Руси"


async def test_the_same_query_gives_the_same_answer_and_respects_the_limit(finder):
    first = await finder.search("learning in education", language=EN, limit=7)

    assert await finder.search("learning in education", language=EN, limit=7) == first
    assert len(first) == 7
    assert await finder.search("learning", language=EN, limit=0) == []


async def test_every_answer_comes_from_the_catalogue_labelled_offline(finder):
    for query in ("economics", "history of work", "статистика", "medicine survival",
                  "marketing", "право"):
        for work in await finder.search(query, language=EN, limit=50):
            assert work in WORKS
            assert work.provider is Provider.OFFLINE and work.cited_by is None


def test_the_catalogue_is_broad_and_every_entry_complete():
    assert len(CATALOGUE) >= 150
    for entry in CATALOGUE:
        work = entry.work
        assert work.title.strip() and work.authors and all(a.strip() for a in work.authors)
        assert work.venue and work.year is not None and 1800 <= work.year <= 2025
        assert work.abstract and len(work.abstract.split(".")) >= 2, work.title
        assert len(work.abstract) <= 700, work.title  # a short summary, not a pasted text
        assert entry.keywords.strip(), work.title
        assert work.url == (f"https://doi.org/{work.doi}" if work.doi else None)
        assert work.provider is Provider.OFFLINE and work.cited_by is None
    assert any(not work.title.isascii() for work in WORKS)


def test_no_work_is_listed_twice_and_dois_look_like_dois():
    dois = [normalise_doi(work.doi) for work in WORKS if work.doi]
    assert all(doi and DOI.match(doi) for doi in dois)
    assert len(set(dois)) == len(dois)
    assert len({normalise_title(work.title) for work in WORKS}) == len(WORKS)
