"""The offline model answers a claims check by word overlap: supported only with a quote that
occurs, unsupported only without any shared word, labelled as offline."""

from dataclasses import replace
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.builders import a_document, a_source

from adapters.llm.json_schema import schema_errors
from adapters.llm.offline_check import check_claims
from adapters.llm.offline_model import OfflineLanguageModel
from application.generation.check_prompts import check_prompt
from domain.claims import (
    CLAIMS_SCHEMA,
    CLAIMS_SCHEMA_NAME,
    abstracts_of,
    cited_sentences,
    judge,
    quote_occurs,
)
from domain.documents import Verdict
from domain.ids import UserId

ABSTRACTS = {
    1: "We review bridges in general. Stay cables damp the wind vibration of long spans, "
       "as measured on three bridges.",
    2: "Flutter of decks is a self-excited oscillation.",
    3: "Мости з'єднують береги річок. Навантаження на прольоти зростають.",
}
DOCUMENT = replace(a_document(owner=UserId(uuid4())), sources=tuple(
    replace(a_source(n), abstract=abstract) for n, abstract in ABSTRACTS.items()))


def prompt_for(text: str) -> str:
    prompt = check_prompt(DOCUMENT, cited_sentences(text), DOCUMENT.sources)
    assert prompt is not None
    return prompt.user


def test_a_sentence_sharing_most_words_is_supported_by_the_best_passage() -> None:
    answer = check_claims(prompt_for("Stay cables damp wind vibration [1]."))

    assert answer == {"claims": [{
        "sentence": 1, "n": 1, "verdict": "supported",
        "quote": "Stay cables damp the wind vibration of long spans, as measured on three "
                 "bridges."}]}
    assert quote_occurs(answer["claims"][0]["quote"], ABSTRACTS[1])


def test_no_shared_word_is_unsupported_and_some_is_left_unjudged() -> None:
    text = ("Stay cables damp wind vibration [2]. "
            "Cables suffer from corrosion and fatigue [1].")

    answer = check_claims(prompt_for(text))

    assert answer == {"claims": [{"sentence": 1, "n": 2, "verdict": "unsupported",
                                  "quote": ""}]}


def test_cyrillic_sentences_match_by_stem() -> None:
    answer = check_claims(prompt_for("Мости з'єднують береги [3]."))

    assert answer["claims"][0]["verdict"] == "supported"
    assert answer["claims"][0]["quote"] == "Мости з'єднують береги річок."


async def test_the_offline_model_answers_valid_claims_labelled_offline() -> None:
    text = "Stay cables damp wind vibration [1][2]. Flutter of decks is self-excited [2]."
    prompt = check_prompt(DOCUMENT, cited_sentences(text), DOCUMENT.sources)
    assert prompt is not None

    answer, completion = await OfflineLanguageModel().complete_json(
        prompt, schema=CLAIMS_SCHEMA, schema_name=CLAIMS_SCHEMA_NAME, max_tokens=2_000)

    assert schema_errors(answer, CLAIMS_SCHEMA) == []
    assert completion.usage.model == "offline"
    claims = judge(answer, cited_sentences(text), abstracts_of(DOCUMENT.sources))
    assert [(c.n, c.verdict) for c in claims] == [
        (1, Verdict.SUPPORTED), (2, Verdict.UNSUPPORTED), (2, Verdict.SUPPORTED)]
    assert claims[2].evidence == "Flutter of decks is a self-excited oscillation."


def test_a_trimmed_abstract_still_gives_quotes_that_occur_in_the_whole_one() -> None:
    long_abstract = " ".join(["Cables carry the deck loads safely."] * 80)
    document = replace(DOCUMENT, sources=(replace(a_source(1), abstract=long_abstract),))
    text = "Cables carry deck loads [1]."
    prompt = check_prompt(document, cited_sentences(text), document.sources)
    assert prompt is not None and "…" in prompt.user

    claim = check_claims(prompt.user)["claims"][0]

    assert claim["verdict"] == "supported" and quote_occurs(claim["quote"], long_abstract)


sentence_words = st.lists(st.sampled_from(
    ["cables", "damp", "wind", "vibration", "spans", "bridges", "decks", "flutter", "мости",
     "береги", "corrosion", "fatigue", "the", "of", "loads"]), min_size=1, max_size=10)


@settings(max_examples=60)
@given(st.lists(st.tuples(sentence_words, st.sampled_from([1, 2, 3])), min_size=1,
                max_size=6))
def test_every_answer_follows_the_schema_and_every_supported_quote_occurs(
        drafted: list[tuple[list[str], int]]) -> None:
    text = " ".join(f"Start {' '.join(words)} [{n}]." for words, n in drafted)

    answer = check_claims(prompt_for(text))

    assert schema_errors(answer, CLAIMS_SCHEMA) == []
    for claim in answer["claims"]:
        if claim["verdict"] == "supported":
            assert quote_occurs(claim["quote"], ABSTRACTS[claim["n"]])
