"""Cached entries give the bibliography citeproc would render afresh, in the same order."""

import asyncio
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.adapters.test_bibliography import BRAUN, KOLMOGOROV, LECUN, UNDATED, VASWANI

from adapters.bibliography.citeproc_formatter import CiteprocBibliographyFormatter
from adapters.bibliography.entry_cache import EntryCache
from domain.documents import CitationStyle, Source
from domain.languages import Language

EN = Language("en")
SOURCES = [VASWANI, LECUN, BRAUN, KOLMOGOROV, UNDATED]


@pytest.mark.parametrize("style", list(CitationStyle))
async def test_a_growing_bibliography_from_the_cache_equals_a_fresh_one(style):
    """As a job formats its bibliography after each section, each time with more sources."""
    cache = EntryCache()
    warm = CiteprocBibliographyFormatter(cache=cache)

    for count in range(1, len(SOURCES) + 1):
        cited = SOURCES[:count]
        assert await warm.format(cited, style, EN) == await CiteprocBibliographyFormatter(
            cache=EntryCache(0)).format(cited, style, EN)

    assert len(cache.get_many(SOURCES, style, "en-US")) == len(SOURCES)


async def test_a_cache_keeps_at_most_maxsize_entries_the_latest_used():
    cache = EntryCache(2)
    formatter = CiteprocBibliographyFormatter(cache=cache)

    await formatter.format([VASWANI, LECUN, BRAUN], CitationStyle.APA, EN)

    assert set(cache.get_many(SOURCES, CitationStyle.APA, "en-US")) == {LECUN, BRAUN}


names = st.sampled_from(["Smith, John", "John Smith", "Иван Петров", "de la Cruz, Ana", ""])
sources = st.lists(st.builds(
    Source, n=st.integers(1, 30), title=st.sampled_from(["Alpha", "alpha", "Бета", "", "Zeta"]),
    authors=st.lists(names, max_size=2).map(tuple), year=st.none() | st.integers(1998, 2000),
    venue=st.none() | st.just("Nature"), doi=st.none(), url=st.none()), min_size=1, max_size=5)
SHARED = EntryCache()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources=sources, style=st.sampled_from(CitationStyle),
       language=st.sampled_from([EN, Language("uk")]))
def test_entries_and_order_do_not_depend_on_what_was_cached_before(sources, style, language):
    """Same authors, same years, missing fields: the order citeproc gives a fresh list is
    the order of the cached keys, whichever sources were rendered together before."""
    fresh = CiteprocBibliographyFormatter(cache=EntryCache(0))
    warm = CiteprocBibliographyFormatter(cache=SHARED)

    for subset in itertools.islice(itertools.permutations(sources), 3):
        assert asyncio.run(warm.format(subset, style, language)) == asyncio.run(
            fresh.format(subset, style, language))
