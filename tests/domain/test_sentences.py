"""Sentences end where a reader would end them, whatever the language or the markers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.sentences import sentence_spans, sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Bridges sway [1]. Cables hum [2][3]! Do decks crack? Yes.",
     ["Bridges sway [1].", "Cables hum [2][3]!", "Do decks crack?", "Yes."]),
    ("It rose. [1] Then it fell.", ["It rose. [1]", "Then it fell."]),
    ("It rose.[1] Then it fell.", ["It rose.[1]", "Then it fell."]),
    ("The span grew by 3.5 m in 2019. Then it stopped.",
     ["The span grew by 3.5 m in 2019.", "Then it stopped."]),
    ("Smith et al. [2] found it. So did Jones et al. (2020).",
     ["Smith et al. [2] found it.", "So did Jones et al. (2020)."]),
    ("Damping matters, e.g. in cables. See Fig. 3 and cf. Table 2. Done.",
     ["Damping matters, e.g. in cables.", "See Fig. 3 and cf. Table 2.", "Done."]),
    ("As A. B. Smith noted, spans fail. The U.S. Army agreed.",
     ["As A. B. Smith noted, spans fail.", "The U.S. Army agreed."]),
    ("“Why?” he asked. Nobody knew… the answer. Then silence.",
     ["“Why?” he asked.", "Nobody knew… the answer.", "Then silence."]),
    ("The work “How many interviews are enough? An experiment” helps [2]. Next.",
     ["The work “How many interviews are enough? An experiment” helps [2].", "Next."]),
    ("He wrote: “It works.” Then he left.", ["He wrote: “It works.”", "Then he left."]),
])
def test_sentences_end_at_final_punctuation_only(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Як зазначає О. Шевченко, мости (див. рис. 2) стоять [1]. Тобто все добре! Далі…",
     ["Як зазначає О. Шевченко, мости (див. рис. 2) стоять [1].", "Тобто все добре!",
      "Далі…"]),
    ("Мосты, т. е. пролёты, и т.д. важны [1]. Это показано в работе «Мосты? Да» [2]. Итак.",
     ["Мосты, т. е. пролёты, и т.д. важны [1].",
      "Это показано в работе «Мосты? Да» [2].", "Итак."]),
    ("Праця „Чи стоять мости? Так“ важлива [3]. Кінець.",
     ["Праця „Чи стоять мости? Так“ важлива [3].", "Кінець."]),
])
def test_cyrillic_abbreviations_initials_and_quotes(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_headings_and_list_items_are_their_own_sentences() -> None:
    text = ("[Offline draft — generated without a language model]\n\n"
            "First paragraph [1]. Its second\nsentence is wrapped.\n"
            "## A heading\n- one item\n- Another item [2]")

    assert sentences(text) == [
        "[Offline draft — generated without a language model]", "First paragraph [1].",
        "Its second\nsentence is wrapped.", "## A heading", "- one item",
        "- Another item [2]"]


def test_an_empty_or_blank_text_has_no_sentences() -> None:
    assert sentences("") == [] and sentences(" \n\n\t") == []


words = st.text(alphabet="abcXYZ щжЖ1.,?!…“”«»[]\n", max_size=120)


@given(words)
def test_spans_cover_every_word_in_order_and_only_white_space_lies_between(text: str) -> None:
    spans = sentence_spans(text)
    at = 0
    for start, end in spans:
        assert start < end and text[at:start].strip() == ""
        assert not text[start].isspace() and not text[end - 1].isspace()
        at = end
    assert text[at:].strip() == ""
