import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.bibliography.citeproc_formatter import CiteprocBibliographyFormatter
from domain.documents import CitationStyle, Source
from domain.languages import Language

names = st.text(max_size=30)
sources = st.lists(st.builds(
    Source, n=st.integers(1, 99), title=st.text(max_size=80),
    authors=st.lists(names, max_size=3).map(tuple), year=st.none() | st.integers(1500, 2100),
    venue=st.none() | st.text(max_size=30), doi=st.none() | st.text(max_size=20),
    url=st.none() | st.text(max_size=20)), max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources=sources, style=st.sampled_from(CitationStyle),
       language=st.sampled_from([Language(code) for code in ("en", "uk", "ru", "it", "sw")]))
def test_any_sources_give_one_entry_each_and_never_raise(sources, style, language):
    formatter = CiteprocBibliographyFormatter()

    entries = asyncio.run(formatter.format(sources, style, language))

    assert len(entries) == len(sources)
    assert all(isinstance(entry, str) and entry for entry in entries)
