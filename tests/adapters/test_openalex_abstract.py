"""Rebuilding OpenAlex abstracts from `abstract_inverted_index`, whatever the payload holds."""

from typing import Any

import pytest

from adapters.sources.openalex_abstract import MAX_ENTRIES, MAX_POSITION, rebuilt_abstract
from adapters.sources.payload import MAX_ABSTRACT_CHARS


def test_words_are_put_in_the_order_of_their_positions() -> None:
    index = {"study": [3], "This": [0], "of": [4], "rivers.": [5], "is": [1], "a": [2],
             "Long": [6], "rivers": [7, 10], "feed": [8], "short": [9]}

    assert rebuilt_abstract(index) == "This is a study of rivers. Long rivers feed short rivers"


def test_gaps_are_closed_and_a_position_claimed_twice_keeps_its_first_word() -> None:
    assert rebuilt_abstract({"Flow": [0], "of": [5], "water": [9], "rivers": [5]}) == (
        "Flow of water")


@pytest.mark.parametrize("index", [None, [], "Deep learning", 42, {}, {"": [0], "  ": [1]},
                                   {"word": "0"}, {"word": [-1, "1", 1.5, True, None]}])
def test_a_missing_or_malformed_index_is_no_abstract(index: Any) -> None:
    assert rebuilt_abstract(index) is None


def test_bad_entries_are_skipped_and_good_ones_kept() -> None:
    index = {"Rivers": [0], "bad": "3", 7: [1], "flow": [1, False], "nowhere": [None]}

    assert rebuilt_abstract(index) == "Rivers flow"


def test_absurd_sizes_are_bounded() -> None:
    far = {"near": [0], "far": [MAX_POSITION + 1, 10**12]}
    assert rebuilt_abstract(far) == "near"

    huge = {f"w{n}": [n] for n in range(MAX_ENTRIES * 4)}
    words = (rebuilt_abstract(huge) or "").split()
    assert 0 < len(words) <= MAX_POSITION + 1

    crowded = {"word": list(range(10**6))}
    assert len((rebuilt_abstract(crowded) or "").split()) <= MAX_POSITION + 1

    long_words = {"x" * 500: list(range(0, 1000, 2)), "y" * 500: list(range(1, 1000, 2))}
    text = rebuilt_abstract(long_words) or ""
    assert 0 < len(text) <= MAX_ABSTRACT_CHARS
