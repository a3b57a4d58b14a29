import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.citations import resolve_citations
from domain.documents import Kind
from domain.errors import InvalidInput
from domain.outline import MIN_SECTION_WORDS, plan_outline, section_count


def test_markers_that_resolve_stay_and_the_rest_go() -> None:
    text, cited = resolve_citations("Bridges sway [1]. Cables sag [7]. Decks flex [2, 9].",
                                    known={1, 2, 3})
    assert text == "Bridges sway [1]. Cables sag. Decks flex [2]."
    assert cited == (1, 2)


def test_ranges_and_groups_are_expanded_to_known_sources() -> None:
    text, cited = resolve_citations("See [3-5] and [1; 4].", known={1, 3, 4})
    assert text == "See [3][4] and [1][4]."
    assert cited == (3, 4, 1)


def test_text_in_brackets_that_is_not_a_marker_is_left_alone() -> None:
    assert resolve_citations("a [sic] b [n] c", known={1}) == ("a [sic] b [n] c", ())


@given(st.text(alphabet=st.sampled_from("ab .[]0123456789,-"), max_size=80),
       st.sets(st.integers(min_value=1, max_value=9)))
def test_every_marker_left_resolves(text: str, known: set[int]) -> None:
    cleaned, cited = resolve_citations(text, known)
    assert set(cited) <= known
    again, cited_again = resolve_citations(cleaned, known)
    assert set(cited_again) == set(cited)
    assert again == cleaned  # resolving is idempotent: nothing unresolvable is left


@given(st.lists(st.tuples(st.text(alphabet="abc ", min_size=1, max_size=20).filter(str.strip),
                          st.integers(min_value=-5, max_value=5000)), min_size=1, max_size=40),
       st.integers(min_value=300, max_value=100_000))
def test_budgets_sum_to_the_target(drafted, target) -> None:
    outline = plan_outline(drafted, target)
    assert sum(item.target_words for item in outline) == target
    assert [item.index for item in outline] == list(range(1, len(drafted) + 1))
    if target >= MIN_SECTION_WORDS * len(drafted):
        assert all(item.target_words >= MIN_SECTION_WORDS for item in outline)


def test_budgets_follow_the_drafted_proportions() -> None:
    outline = plan_outline([("Intro", 100), ("Body", 300), ("End", 100)], 1000)
    assert [i.target_words for i in outline] == [200, 600, 200]
    lifted = plan_outline([("Intro", 1), ("Body", 1000), ("End", 1)], 1000)
    assert [i.target_words for i in lifted] == [50, 900, 50]


@pytest.mark.parametrize("drafted", [[], [("  ", 100)], [("x", 10)] * 41])
def test_bad_outlines_are_refused(drafted) -> None:
    with pytest.raises(InvalidInput):
        plan_outline(drafted, 1000)


@pytest.mark.parametrize(("kind", "words", "expected"), [
    (Kind.ESSAY, 300, 3), (Kind.ESSAY, 1500, 4), (Kind.THESIS, 100_000, 20),
    (Kind.THESIS, 12_000, 5), (Kind.COURSEWORK, 6000, 5)])
def test_section_count_follows_kind_and_length(kind, words, expected) -> None:
    assert section_count(kind, words) == expected
