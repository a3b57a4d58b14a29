"""What the checker is asked about a section's cited sentences (one structured call per
section, answered following `domain.claims.CLAIMS_SCHEMA`).

- Only pairs that can be checked are sent: a sentence appears with the numbers it cites
  whose source has an abstract; a sentence citing only sources without one is left out
  (its claims are unverified without a call), and `check_prompt` returns None when nothing
  is left.
- Each cited abstract is listed once, not once per sentence, so the prompt grows with the
  number of sources, not with sentences × sources. An abstract is trimmed to
  `ABSTRACT_CHARS` characters at a word boundary, ending in ` …` when trimmed; a quote from
  the trimmed part still occurs in the whole abstract the answer is judged against.
- Sentences keep their number in `cited_sentences` order, which is how answers name them.
- Everything from the document (topic, sentences) and the abstracts goes in the user
  prompt, each on one line (white space collapsed) after its machine-readable key:
  `ABSTRACT [n]: …` and `SENTENCE i [n][m]: …` (the offline model reads them too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from application.generation.prompts import trimmed
from domain.claims import (
    MAX_QUOTE_CHARS,
    CitedSentence,
    abstracts_of,
    checkable,
    needs_check,
)
from domain.documents import Document, Source
from domain.ports.language_model import Prompt

ABSTRACT_CHARS = 1_500
TOKENS_PER_PAIR = 200
ANSWER_BASE_TOKENS = 100
_SYSTEM = ("You check citations in academic writing against the abstracts of the works they "
           "cite. You are strict: a sentence is supported by a source only when that source's "
           "abstract states what the sentence says. You answer only with JSON that follows "
           "the given schema.")
_TASK = ("For every SENTENCE above and every source number in brackets after it, decide "
         "whether the ABSTRACT with that number supports the sentence. Answer one item per "
         "(sentence, source) pair: `sentence` is the sentence's number, `n` the source's "
         "number, `verdict` is \"supported\" or \"unsupported\", and for \"supported\" "
         "`quote` copies, word for word, the passage of that abstract (at least one full "
         "clause, at most {quote} characters) that supports the sentence; for "
         "\"unsupported\" `quote` is \"\". Never paraphrase, translate or join separate "
         "passages in a quote. Leave out a pair you cannot judge. An abstract ending in "
         "\"…\" was cut short.")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def trimmed_abstract(abstract: str) -> str:
    """The abstract on one line, at most `ABSTRACT_CHARS` characters (` …` aside)."""
    return trimmed(abstract, ABSTRACT_CHARS)


def checked_pairs(sentences: Sequence[CitedSentence],
                  abstracts: Mapping[int, str | None]) -> list[tuple[int, tuple[int, ...]]]:
    """The sentences to send, by number, each with the cited numbers that have an
    abstract."""
    pairs = []
    for at, sentence in enumerate(sentences, start=1):
        numbers = checkable(sentence, abstracts)
        if numbers:
            pairs.append((at, numbers))
    return pairs


def check_prompt(document: Document, sentences: Sequence[CitedSentence],
                 sources: Sequence[Source]) -> Prompt | None:
    """The check of `sentences` (from `cited_sentences` of one section) against `sources`
    (the document's), or None when no cited source has an abstract."""
    abstracts = abstracts_of(sources)
    if not needs_check(sentences, abstracts):
        return None
    pairs = checked_pairs(sentences, abstracts)
    cited = sorted({n for _, numbers in pairs for n in numbers})
    lines = ["CHECK: claims", f"TOPIC: {_one_line(document.spec.topic)}",
             f"LANGUAGE: {document.spec.language.code}", "ABSTRACTS:"]
    lines += [f"ABSTRACT [{n}]: {trimmed_abstract(abstracts[n] or '')}" for n in cited]
    lines.append("SENTENCES:")
    lines += [f"SENTENCE {at} {''.join(f'[{n}]' for n in numbers)}: "
              f"{_one_line(sentences[at - 1].sentence)}" for at, numbers in pairs]
    lines += ["", _TASK.format(quote=MAX_QUOTE_CHARS)]
    return Prompt(system=_SYSTEM, user="\n".join(lines))


def check_max_tokens(sentences: Sequence[CitedSentence],
                     abstracts: Mapping[int, str | None]) -> int:
    """A bound on the checker's answer: `TOKENS_PER_PAIR` for each pair sent (a quote of a
    sentence or two and the item around it), plus `ANSWER_BASE_TOKENS`."""
    pairs = sum(len(numbers) for _, numbers in checked_pairs(sentences, abstracts))
    return ANSWER_BASE_TOKENS + TOKENS_PER_PAIR * pairs
