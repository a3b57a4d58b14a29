"""The rules of checking a section's citations against the abstracts of the works they cite.

- A claim is one (sentence, cited source) pair of saved text (markers written as `[n]`, see
  `citations.resolve_citations`); sentences are split as `sentences.py` says.
- The sentence of a claim is shown as the checker sees it: without its markers, white space
  collapsed (`Bridges sway [1].` → `Bridges sway.`). Removing a marker therefore never
  changes the sentence a claim names.
- `supported` only with a quote that really occurs in that source's abstract
  (`quotes.quote_occurs`); the claim's evidence is that passage as the abstract writes it.
  `unsupported` only when the checker said so about a source that has an abstract.
  Anything else (no abstract, no answer, a quote that does not occur) is `unverified`.
- An unsupported marker leaves its sentence only; the sentence stays, and the same source
  cited in another sentence keeps its marker there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from domain.citations import resolve_citations
from domain.document_parts import Claim, Source, Verdict
from domain.quotes import evidence_in
from domain.quotes import quote_occurs as quote_occurs
from domain.sentences import sentence_spans

CLAIMS_SCHEMA_NAME = "claims"
# Asked of the checker, not enforced by the schema: one long quote should not cost the
# whole answer a retry.
MAX_QUOTE_CHARS = 600
CLAIMS_SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False, "required": ["claims"],
    "properties": {"claims": {"type": "array", "items": {
        "type": "object", "additionalProperties": False,
        "required": ["sentence", "n", "verdict", "quote"],
        "properties": {
            "sentence": {"type": "integer", "minimum": 1},
            "n": {"type": "integer", "minimum": 1},
            "verdict": {"type": "string", "enum": ["supported", "unsupported"]},
            "quote": {"type": "string"},
        }}}},
}
_MARKER = re.compile(r"\[(\d+)\]")
_GROUP = re.compile(r"(\s?)((?:\[\d+\])+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSentence:
    """A sentence that cites: its text as shown (no markers) and the sources it cites, in
    the order its markers name them, each once."""

    sentence: str
    numbers: tuple[int, ...]


def shown(sentence: str) -> str:
    """A sentence without its markers, white space collapsed, no space before punctuation."""
    bare = " ".join(_MARKER.sub(" ", sentence).split())
    return re.sub(r" ([.,;:!?…])", r"\1", bare)


def cited_sentences(text: str) -> list[CitedSentence]:
    """The sentences of saved `text` that carry at least one marker, in text order. Their
    position in this list (from 1) is the `sentence` number the checker answers with."""
    found = []
    for start, end in sentence_spans(text):
        numbers = tuple(dict.fromkeys(int(n) for n in _MARKER.findall(text, start, end)))
        if numbers:
            found.append(CitedSentence(sentence=shown(text[start:end]), numbers=numbers))
    return found


def abstracts_of(sources: Iterable[Source]) -> dict[int, str | None]:
    """Each source's abstract by number; a blank abstract counts as none."""
    return {s.n: s.abstract if _present(s.abstract) else None for s in sources}


def checkable(sentence: CitedSentence, abstracts: Mapping[int, str | None]) -> tuple[int, ...]:
    """The numbers `sentence` cites whose source has an abstract: the pairs worth asking."""
    return tuple(n for n in sentence.numbers if _present(abstracts.get(n)))


def needs_check(sentences: Sequence[CitedSentence], abstracts: Mapping[int, str | None]) -> bool:
    """Whether any pair can be checked at all: some sentence cites a source with an
    abstract. Without one, every claim is unverified and no model call is needed."""
    return any(checkable(s, abstracts) for s in sentences)


def judge(answer: Mapping[str, Any], sentences: Sequence[CitedSentence],
          abstracts: Mapping[int, str | None]) -> tuple[Claim, ...]:
    """One claim per (sentence, cited source) pair, in text order, from the checker's
    answer (`CLAIMS_SCHEMA`). The first answer for a pair counts; answers for pairs that do
    not exist and malformed items are ignored."""
    verdicts: dict[tuple[int, int], tuple[str, str]] = {}
    items = answer.get("claims")
    for item in items if isinstance(items, list) else ():
        if isinstance(item, Mapping) and _number(item.get("sentence")) \
                and _number(item.get("n")):
            quote = item.get("quote")
            verdicts.setdefault((item["sentence"], item["n"]),
                                (str(item.get("verdict")), quote if isinstance(quote, str) else ""))
    return tuple(_claim(s.sentence, n, verdicts.get((at, n)), abstracts.get(n))
                 for at, s in enumerate(sentences, start=1) for n in s.numbers)


def unverified(sentences: Sequence[CitedSentence]) -> tuple[Claim, ...]:
    """Every pair unverified: the claims of text that was not (or could not be) checked."""
    return judge({}, sentences, {})


def _present(abstract: str | None) -> bool:
    return bool(abstract and abstract.strip())


def _number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _claim(sentence: str, n: int, said: tuple[str, str] | None,
           abstract: str | None) -> Claim:
    if said is None or abstract is None or not _present(abstract):
        return Claim(sentence=sentence, n=n, verdict=Verdict.UNVERIFIED)
    verdict, quote = said
    if verdict == Verdict.SUPPORTED:
        evidence = evidence_in(quote, abstract)
        if evidence is not None:
            return Claim(sentence=sentence, n=n, verdict=Verdict.SUPPORTED, evidence=evidence)
    if verdict == Verdict.UNSUPPORTED:
        return Claim(sentence=sentence, n=n, verdict=Verdict.UNSUPPORTED)
    return Claim(sentence=sentence, n=n, verdict=Verdict.UNVERIFIED)


def without_unsupported(text: str, claims: Iterable[Claim]) -> tuple[str, tuple[int, ...]]:
    """`text` with the marker of each unsupported claim removed from the sentences that
    claim names (by shown sentence and number), and the sources still cited, in order of
    first appearance."""
    dropped: dict[str, set[int]] = {}
    for claim in claims:
        if claim.verdict is Verdict.UNSUPPORTED:
            dropped.setdefault(claim.sentence, set()).add(claim.n)
    parts: list[str] = []
    written = 0
    for start, end in sentence_spans(text):
        gone = dropped.get(shown(text[start:end]))
        if gone:
            parts += [text[written:start], _without(text[start:end], gone)]
            written = end
    parts.append(text[written:])
    kept = "".join(parts)
    return resolve_citations(kept, {int(n) for n in _MARKER.findall(kept)})


def _without(sentence: str, numbers: set[int]) -> str:
    def regroup(match: re.Match[str]) -> str:
        kept = [n for n in _MARKER.findall(match.group(2)) if int(n) not in numbers]
        return match.group(1) + "".join(f"[{n}]" for n in kept) if kept else ""

    return _GROUP.sub(regroup, sentence)
