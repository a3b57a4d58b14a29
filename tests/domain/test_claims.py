"""Claims: one per (sentence, cited source); supported only with a quote that occurs in the
abstract; unsupported markers leave their sentence only."""

from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from tests.builders import a_source

from domain.citations import resolve_citations
from domain.claims import (
    CLAIMS_SCHEMA,
    CitedSentence,
    abstracts_of,
    cited_sentences,
    judge,
    needs_check,
    unverified,
    without_unsupported,
)
from domain.documents import Claim, Verdict

TEXT = ("[Offline draft]\n\nCable stays damp wind vibration [1][2]. Decks are light.\n\n"
        "Flutter is self-excited [2]. Smith et al. [3] measured 0.5% damping [1].")
ABSTRACTS: dict[int, str | None] = {
    1: "Stay cables damp wind vibration of long spans. Damping ratios reached 0.5% here.",
    2: "Flutter is a self-excited oscillation of bridge decks.",
    3: None,
}


def item(sentence: int, n: int, verdict: str, quote: str = "") -> dict[str, Any]:
    return {"sentence": sentence, "n": n, "verdict": verdict, "quote": quote}


def test_cited_sentences_are_shown_without_markers_with_their_numbers_in_order() -> None:
    assert cited_sentences(TEXT) == [
        CitedSentence(sentence="Cable stays damp wind vibration.", numbers=(1, 2)),
        CitedSentence(sentence="Flutter is self-excited.", numbers=(2,)),
        CitedSentence(sentence="Smith et al. measured 0.5% damping.", numbers=(3, 1)),
    ]


def test_a_number_cited_twice_in_a_sentence_is_one_pair() -> None:
    assert cited_sentences("Spans [2] sway [1][2].") == [
        CitedSentence(sentence="Spans sway.", numbers=(2, 1))]


def test_needs_check_only_when_some_cited_source_has_an_abstract() -> None:
    sentences = cited_sentences(TEXT)

    assert needs_check(sentences, ABSTRACTS)
    assert not needs_check(sentences, {1: None, 2: "  ", 3: None})
    assert not needs_check([], ABSTRACTS)


def test_abstracts_of_sources_treat_blank_as_none() -> None:
    sources = [a_source(1), replace(a_source(2), abstract="An abstract."),
               replace(a_source(3), abstract=" \n")]

    assert abstracts_of(sources) == {1: None, 2: "An abstract.", 3: None}


def test_judge_gives_one_claim_per_pair_in_text_order() -> None:
    answer = {"claims": [
        item(3, 1, "supported", "damping ratios reached 0.5%"),
        item(1, 2, "unsupported"),
        item(1, 1, "supported", "stay cables damp wind vibration"),
        item(2, 2, "supported", "Flutter is a self-excited oscillation"),
    ]}

    claims = judge(answer, cited_sentences(TEXT), ABSTRACTS)

    assert claims == (
        Claim(sentence="Cable stays damp wind vibration.", n=1, verdict=Verdict.SUPPORTED,
              evidence="Stay cables damp wind vibration"),
        Claim(sentence="Cable stays damp wind vibration.", n=2, verdict=Verdict.UNSUPPORTED),
        Claim(sentence="Flutter is self-excited.", n=2, verdict=Verdict.SUPPORTED,
              evidence="Flutter is a self-excited oscillation"),
        Claim(sentence="Smith et al. measured 0.5% damping.", n=3, verdict=Verdict.UNVERIFIED),
        Claim(sentence="Smith et al. measured 0.5% damping.", n=1, verdict=Verdict.SUPPORTED,
              evidence="Damping ratios reached 0.5%"),
    )


def test_a_supported_verdict_without_a_real_quote_is_unverified() -> None:
    answer = {"claims": [
        item(1, 1, "supported", "cables reduce vibration of spans"),  # a paraphrase
        item(1, 2, "supported", "Flutter"),  # too short to support anything
        item(2, 2, "supported", ""),
    ]}

    claims = judge(answer, cited_sentences(TEXT), ABSTRACTS)

    assert [claim.verdict for claim in claims] == [Verdict.UNVERIFIED] * 5
    assert all(claim.evidence is None for claim in claims)


def test_missing_unknown_and_malformed_answers_are_ignored_and_leave_unverified() -> None:
    answer = {"claims": [
        item(9, 1, "unsupported"), item(2, 1, "unsupported"),  # pairs that do not exist
        item(3, 3, "unsupported"),  # a source without abstract cannot be judged
        {"sentence": True, "n": 2, "verdict": "unsupported", "quote": ""},
        {"sentence": 1, "verdict": "unsupported"}, "nonsense",
        item(1, 1, "maybe"),
    ]}

    claims = judge(answer, cited_sentences(TEXT), ABSTRACTS)

    assert [claim.verdict for claim in claims] == [Verdict.UNVERIFIED] * 5
    assert judge({"claims": "no"}, cited_sentences(TEXT), ABSTRACTS) == claims
    assert unverified(cited_sentences(TEXT)) == claims


def test_the_first_answer_for_a_pair_counts() -> None:
    answer = {"claims": [item(2, 2, "unsupported"),
                         item(2, 2, "supported", "Flutter is a self-excited oscillation")]}

    claims = judge(answer, cited_sentences(TEXT), ABSTRACTS)

    assert claims[2].verdict is Verdict.UNSUPPORTED


def test_unsupported_markers_leave_only_their_sentence() -> None:
    text = "Cables damp vibration [1][2]. Flutter is self-excited [2]. Decks sway [2]."
    claims = [Claim(sentence="Cables damp vibration.", n=2, verdict=Verdict.UNSUPPORTED),
              Claim(sentence="Flutter is self-excited.", n=2, verdict=Verdict.SUPPORTED,
                    evidence="x"),
              Claim(sentence="Decks sway.", n=2, verdict=Verdict.UNSUPPORTED)]

    assert without_unsupported(text, claims) == (
        "Cables damp vibration [1]. Flutter is self-excited [2]. Decks sway.", (1, 2))


def test_citations_follow_the_first_remaining_marker() -> None:
    text = "Cables damp vibration [2][1]. Decks sway [1]."
    claims = [Claim(sentence="Cables damp vibration.", n=2, verdict=Verdict.UNSUPPORTED)]

    assert without_unsupported(text, claims) == ("Cables damp vibration [1]. Decks sway [1].",
                                                 (1,))
    assert without_unsupported("It rose. [3] Then [1] fell.", [
        Claim(sentence="It rose.", n=3, verdict=Verdict.UNSUPPORTED)]) == \
        ("It rose. Then [1] fell.", (1,))
    assert without_unsupported("A [1][2][3] b.", [
        Claim(sentence="A b.", n=2, verdict=Verdict.UNSUPPORTED),
        Claim(sentence="A b.", n=1, verdict=Verdict.UNSUPPORTED)]) == ("A [3] b.", (3,))


def test_text_without_unsupported_claims_is_unchanged() -> None:
    claims = judge({}, cited_sentences(TEXT), ABSTRACTS)

    assert without_unsupported(TEXT, claims) == (TEXT, (1, 2, 3))


def test_the_schema_is_the_closed_subset_structured_output_uses() -> None:
    claim_item = CLAIMS_SCHEMA["properties"]["claims"]["items"]

    assert CLAIMS_SCHEMA["additionalProperties"] is False
    assert claim_item["additionalProperties"] is False
    assert set(claim_item["required"]) == set(claim_item["properties"]) == {
        "sentence", "n", "verdict", "quote"}
    assert claim_item["properties"]["verdict"]["enum"] == ["supported", "unsupported"]


# Properties over generated saved text: sentences of a few words, some citing.
word = st.sampled_from(["bridges", "sway", "cables", "мости", "decks", "3.5", "e.g.", "al."])
marker_groups = st.lists(st.integers(1, 5), max_size=3).map(
    lambda ns: "".join(f"[{n}]" for n in ns))
sentence = st.tuples(st.lists(word, min_size=1, max_size=6), marker_groups,
                     st.sampled_from([".", "!", "?"])).map(
    lambda parts: "Start " + " ".join(parts[0]) + (f" {parts[1]}" if parts[1] else "")
    + parts[2])
saved_text = st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join),
                      min_size=1, max_size=3).map("\n\n".join).map(
    lambda text: resolve_citations(text, set(range(1, 6)))[0])


@given(saved_text)
def test_every_marker_is_in_exactly_one_cited_sentence(text: str) -> None:
    sentences = cited_sentences(text)

    assert all("[" not in s.sentence for s in sentences)
    assert all(len(set(s.numbers)) == len(s.numbers) > 0 for s in sentences)
    in_text = resolve_citations(text, set(range(1, 6)))[1]
    assert dict.fromkeys(n for s in sentences for n in s.numbers).keys() == \
        dict.fromkeys(in_text).keys()


@given(saved_text, st.data())
def test_removing_unsupported_markers_removes_exactly_those_pairs(text: str,
                                                                   data: st.DataObject) -> None:
    sentences = cited_sentences(text)
    verdicts = st.sampled_from(list(Verdict))
    claims = [Claim(sentence=s.sentence, n=n, verdict=data.draw(verdicts))
              for s in sentences for n in s.numbers]
    dropped = {(c.sentence, c.n) for c in claims if c.verdict is Verdict.UNSUPPORTED}

    cleaned, cited = without_unsupported(text, claims)

    after = {(s.sentence, n) for s in cited_sentences(cleaned) for n in s.numbers}
    before = {(s.sentence, n) for s in sentences for n in s.numbers}
    assert after == before - dropped
    assert cited == resolve_citations(cleaned, set(range(1, 6)))[1]
    assert without_unsupported(cleaned, claims) == (cleaned, cited)
