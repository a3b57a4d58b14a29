"""The "About this document" page every export ends with: honest disclosure, not a
"humanizer". It names the language models that wrote the text, counts its sources and gives
the citation check's figures, in the document's language (English for one not listed).

The figures are only printed when some section has checked claims: a text written before
checking existed, or the author's own, says it was not checked instead of showing zeros as
if it had been."""

from __future__ import annotations

from domain.disclosure_words import WORDS, DisclosureWords
from domain.document_parts import Grounding
from domain.languages import Language
from domain.manuscripts import Disclosure

# The name the embedded offline model reports (adapters.llm.offline_model.MODEL_NAME).
OFFLINE_MODEL = "offline"


def disclosure_for(language: Language, *, models: tuple[str, ...], sources: int, cited: int,
                   grounding: Grounding) -> Disclosure:
    """`models` wrote the sections, in order of first use; `sources` were gathered for the
    document and `cited` of them are cited; `grounding` totals the checked claims."""
    words = WORDS.get(language.code, WORDS["en"])
    facts = [_models_fact(words, models), (words.sources, str(sources)),
             (words.cited, str(cited))]
    if grounding.claims:
        facts += [(words.claims, str(grounding.claims)),
                  (words.supported, str(grounding.supported)),
                  (words.unsupported, str(grounding.unsupported)),
                  (words.unverified, str(grounding.unverified))]
    return Disclosure(heading=words.heading, facts=tuple(facts),
                      statement=(_authorship(words, models), _check(words, models, grounding)))


def _models_fact(words: DisclosureWords, models: tuple[str, ...]) -> tuple[str, str]:
    names = [words.offline_model if model == OFFLINE_MODEL else model for model in models]
    return (words.models if len(names) > 1 else words.model), ", ".join(names) or words.no_model


def _authorship(words: DisclosureWords, models: tuple[str, ...]) -> str:
    if not models:
        return words.own_text
    if all(model == OFFLINE_MODEL for model in models):
        return words.offline_draft
    if OFFLINE_MODEL in models:
        return f"{words.drafted} {words.partly_offline}"
    return words.drafted


def _check(words: DisclosureWords, models: tuple[str, ...], grounding: Grounding) -> str:
    if not grounding.claims:
        return words.unchecked
    # Only a wholly offline text was checked by word overlap alone; a mixed one says which
    # sections were offline in its first paragraph.
    if models and all(model == OFFLINE_MODEL for model in models):
        return words.checked_offline
    return words.checked
