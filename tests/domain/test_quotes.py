"""A quote supports a claim only when it really occurs in the abstract."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.quotes import evidence_in, quote_occurs

ABSTRACT = ("Cable-stayed bridges  respond to WIND loads through “flutter” — a self-excited "
            "oscillation… We measured damping ratios of 0.5% on three spans.\n"
            "Мости з'єднують береги та витримують навантаження.")


@pytest.mark.parametrize("quote", [
    "respond to wind loads",
    "Cable-stayed bridges respond to WIND loads",
    "  cable-stayed   bridges\nrespond  ",
    '"through "flutter" - a self-excited oscillation"',
    "through «flutter» – a self-excited",
    "We measured damping ratios of 0.5% on three spans.",
    "...we measured damping ratios...",
    "мости з'єднують береги",
    "МОСТИ З’ЄДНУЮТЬ БЕРЕГИ",
])
def test_a_verbatim_quote_occurs_whitespace_case_and_typography_aside(quote: str) -> None:
    assert quote_occurs(quote, ABSTRACT)


@pytest.mark.parametrize("quote", [
    "respond to wind load",  # a word changed
    "espond to wind loads",  # starts inside a word
    "bridges respond to loads",  # a word left out
    "bridges respond strongly to wind loads",  # a word added
    "respond to wind loads. We measured damping",  # stitched across the text
    "Bridges react to wind forces",  # a paraphrase
    "the", "on three", "wind loads", "", "   ", "a b c d",  # too short to mean anything
])
def test_anything_but_a_verbatim_quote_does_not(quote: str) -> None:
    assert not quote_occurs(quote, ABSTRACT)


def test_the_evidence_is_the_passage_as_the_abstract_writes_it() -> None:
    assert evidence_in('"cable-stayed bridges respond"', ABSTRACT) == \
        "Cable-stayed bridges  respond"
    assert evidence_in('through "flutter" - a self-excited', ABSTRACT) == \
        "through “flutter” — a self-excited"


def test_a_later_occurrence_counts_when_the_first_is_inside_a_word() -> None:
    abstract = "Preloaded cables sag. Loaded cables sag less than expected."

    assert evidence_in("loaded cables sag", abstract) == "Loaded cables sag"


sentence_words = st.lists(st.text(alphabet="abcdefgжшщ", min_size=2, max_size=8),
                          min_size=6, max_size=30)


@given(sentence_words, st.data())
def test_every_long_enough_run_of_words_of_an_abstract_occurs(words: list[str],
                                                              data: st.DataObject) -> None:
    abstract = " ".join(words)
    start = data.draw(st.integers(0, len(words) - 3))
    end = data.draw(st.integers(start + 3, len(words)))
    quote = " ".join(words[start:end])
    assume(len(quote) >= 15)

    evidence = evidence_in(quote.upper(), abstract)

    assert evidence is not None and evidence in abstract
    assert evidence.casefold() == quote.casefold()


@given(sentence_words, st.data())
def test_a_run_with_a_foreign_word_never_occurs(words: list[str], data: st.DataObject) -> None:
    abstract = " ".join(words)
    start = data.draw(st.integers(0, len(words) - 4))
    quote = [*words[start:start + 4]]
    quote[data.draw(st.integers(0, 3))] = "ZZZ"

    assert not quote_occurs(" ".join(quote), abstract)
