"""The "About this document" page's words: which sentences a document gets for who wrote it
and whether it was checked, figures only when something was checked, in every language the
export labels speak (English otherwise)."""

import pickle

from hypothesis import given
from hypothesis import strategies as st
from tests.manuscripts import a_manuscript

from domain.disclosure import disclosure_for
from domain.disclosure_words import WORDS
from domain.document_parts import Grounding
from domain.documents import Kind
from domain.export_labels import labels_for
from domain.languages import ISO_639_1, Language

EN, IT = Language("en"), Language("it")
CHECKED = Grounding(claims=5, supported=3, unsupported=1, unverified=1)


def test_a_checked_model_draft_names_its_model_sources_and_figures() -> None:
    disclosure = disclosure_for(EN, models=("gpt-4o-mini",), sources=9, cited=6,
                                grounding=CHECKED)
    assert disclosure.heading == "About this document"
    assert disclosure.facts == (
        ("Language model", "gpt-4o-mini"), ("Sources consulted", "9"), ("Sources cited", "6"),
        ("Citations checked", "5"), ("Supported by the abstract", "3"),
        ("Unsupported (marker removed)", "1"), ("Unverified", "1"))
    assert disclosure.statement == (WORDS["en"].drafted, WORDS["en"].checked)


def test_an_offline_draft_says_it_is_a_placeholder_checked_by_word_overlap() -> None:
    disclosure = disclosure_for(EN, models=("offline",), sources=4, cited=4,
                                grounding=CHECKED)
    assert disclosure.facts[0] == ("Language model", "offline (no language model)")
    assert disclosure.statement == (WORDS["en"].offline_draft, WORDS["en"].checked_offline)
    assert "word overlap" in disclosure.statement[1]


def test_without_checked_claims_it_says_so_and_prints_no_zeros() -> None:
    for models in (("gpt-4o-mini",), ("offline",)):
        disclosure = disclosure_for(EN, models=models, sources=4, cited=0,
                                    grounding=Grounding())
        assert [label for label, _ in disclosure.facts] == [
            "Language model", "Sources consulted", "Sources cited"]
        assert disclosure.statement[1] == WORDS["en"].unchecked


def test_several_models_and_none_recorded() -> None:
    mixed = disclosure_for(EN, models=("gpt-4o", "offline"), sources=4, cited=3,
                           grounding=CHECKED)
    assert mixed.facts[0] == ("Language models", "gpt-4o, offline (no language model)")
    assert mixed.statement == (f"{WORDS['en'].drafted} {WORDS['en'].partly_offline}",
                               WORDS["en"].checked)
    own = disclosure_for(EN, models=(), sources=2, cited=1, grounding=Grounding())
    assert own.facts[0] == ("Language model", "none recorded")
    assert own.statement == (WORDS["en"].own_text, WORDS["en"].unchecked)


def test_italian_is_worded_in_italian() -> None:
    disclosure = disclosure_for(IT, models=("gpt-4o-mini",), sources=3, cited=2,
                                grounding=CHECKED)
    assert disclosure.heading == "Informazioni su questo documento"
    assert disclosure.facts[1] == ("Fonti consultate", "3")
    assert disclosure.statement[0].startswith("Questo testo è stato redatto con l'assistenza")


def test_every_language_with_export_labels_has_its_own_words_and_others_get_english() -> None:
    english = WORDS["en"]
    for code in sorted(ISO_639_1):
        language = Language(code)
        labelled = labels_for(language, Kind.ESSAY).references != "References"
        heading = disclosure_for(language, models=(), sources=0, cited=0,
                                 grounding=Grounding()).heading
        assert (heading != english.heading) is labelled, code
    assert {"en", "uk", "ru", "it"} <= set(WORDS)
    for code, words in WORDS.items():
        assert all(getattr(words, name).strip() for name in words.__slots__), code


@given(models=st.lists(st.sampled_from(["offline", "gpt-4o-mini", "llama3"]), unique=True),
       claims=st.lists(st.sampled_from(["supported", "unsupported", "unverified"])),
       language=st.sampled_from(sorted(WORDS)))
def test_figures_appear_exactly_when_claims_were_checked(models, claims, language) -> None:
    grounding = Grounding(claims=len(claims), supported=claims.count("supported"),
                          unsupported=claims.count("unsupported"),
                          unverified=claims.count("unverified"))
    disclosure = disclosure_for(Language(language), models=tuple(models), sources=7, cited=5,
                                grounding=grounding)
    assert len(disclosure.facts) == (7 if claims else 3)
    assert len(disclosure.statement) == 2
    assert not any(char.isdigit() for char in " ".join(disclosure.statement))


def test_a_manuscript_with_its_disclosure_crosses_into_a_worker_process_as_it_is() -> None:
    manuscript = a_manuscript(language="uk", models=("offline",))
    assert pickle.loads(pickle.dumps(manuscript)) == manuscript
