"""A section ends within ±15% of its budget: short texts are continued, long ones cut at a
sentence end."""

from hypothesis import given
from hypothesis import strategies as st

from domain.length import (
    LENGTH_TOLERANCE,
    cut_to_budget,
    least_words,
    missing_words,
    most_words,
    too_long,
    too_short,
    word_count,
)
from domain.sentences import sentences


def words(n: int, end: str = ".") -> str:
    """A sentence of exactly `n` words."""
    return " ".join(["Word", *["word"] * (n - 1)]) + end


def test_the_band_is_fifteen_percent_either_side() -> None:
    assert LENGTH_TOLERANCE == 0.15
    assert (least_words(100), most_words(100)) == (85, 115)
    assert too_short(words(84), 100) and not too_short(words(85), 100)
    assert too_long(words(116), 100) and not too_long(words(115), 100)
    assert missing_words(words(60), 100) == 40 and missing_words(words(130), 100) == 0


def test_a_text_within_the_band_is_left_as_it_is() -> None:
    text = f"{words(50)} {words(60)}"

    assert cut_to_budget(text, 100) == text


def test_a_long_text_ends_at_the_last_sentence_end_within_the_band() -> None:
    text = f"{words(40)} {words(40, ' [1].')}\n\n{words(30)} {words(30)}"

    cut = cut_to_budget(text, 100)

    assert cut == f"{words(40)} {words(40, ' [1].')}\n\n{words(30)}"
    assert word_count(cut) == 111  # the marker counts, as in Section.word_count


def test_markers_after_the_final_stop_stay_with_their_sentence() -> None:
    text = f"{words(50)} {words(45)} [2] {words(50)}"

    assert cut_to_budget(text, 100) == f"{words(50)} {words(45)} [2]"


def test_when_no_end_falls_in_the_band_the_last_end_within_it_is_taken() -> None:
    text = f"{words(20)} {words(200)}"

    assert cut_to_budget(text, 100) == words(20)


def test_a_first_sentence_over_the_band_is_kept_whole() -> None:
    text = f"{words(200)} {words(10)}"

    assert cut_to_budget(text, 100) == words(200)


sentence_lengths = st.lists(st.integers(1, 30), min_size=1, max_size=60)


@given(sentence_lengths, st.integers(20, 400))
def test_a_cut_is_whole_sentences_from_the_start_and_never_longer_than_needed(
        lengths: list[int], budget: int) -> None:
    text = " ".join(words(n) for n in lengths)

    cut = cut_to_budget(text, budget)

    assert text.startswith(cut)
    assert sentences(cut) == sentences(text)[:len(sentences(cut))]
    if too_long(text, budget):
        assert word_count(cut) <= most_words(budget) or len(sentences(cut)) == 1
        kept = len(sentences(cut))
        if kept < len(lengths):
            assert word_count(cut) + lengths[kept] > most_words(budget)
    else:
        assert cut == text


@given(st.lists(st.integers(1, 10), min_size=1, max_size=80), st.integers(50, 400))
def test_short_sentences_always_end_within_the_band(lengths: list[int], budget: int) -> None:
    text = " ".join(words(n) for n in lengths)

    cut = cut_to_budget(text, budget)

    if word_count(text) >= least_words(budget):
        assert not too_short(cut, budget) and not too_long(cut, budget)
