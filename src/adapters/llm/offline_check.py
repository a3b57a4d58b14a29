"""The offline model's answer to a claims check: an offline word-overlap check, not a reading.

It reads the check prompt's lines (`application/generation/check_prompts.py`):

    ABSTRACT [n]: <abstract on one line, maybe ending in " …" when trimmed>
    SENTENCE i [n][m]: <sentence on one line, without markers>

and judges each (sentence, source) pair by the content words they share: words of three
letters or more that are not common function words, compared by stem (casefolded, an
English plural `s` dropped, the first five letters).

- `supported` when at least `SUPPORT_SHARE` of the sentence's stems occur in the abstract;
  the quote is the abstract's sentence sharing most stems (the earliest on a tie) among
  those long enough to count as a quote, cut at a word end to `MAX_QUOTE_CHARS`, so it
  occurs verbatim in the abstract.
- `unsupported` only when the sentence shares no stem at all with the abstract.
- Anything in between, or a sentence without content words, is left out of the answer: the
  application records it as unverified.

The completion's usage names the model "offline", which is how the application (and the
disclosure) can tell that the check was this word-overlap check.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from domain.claims import MAX_QUOTE_CHARS, quote_occurs
from domain.sentences import sentences

SUPPORT_SHARE = 0.5
STEM_LENGTH = 5
FUNCTION_WORDS = frozenset((
    "the", "and", "for", "with", "from", "into", "over", "under", "about", "between", "their",
    "its", "this", "that", "these", "those", "which", "what", "how", "why", "are", "was",
    "were", "been", "being", "has", "have", "had", "also", "can", "could", "may", "might",
    "not", "but", "more", "most", "such", "than", "then", "there", "they", "them", "who",
    "whose", "will", "would", "should", "our", "your", "his", "her", "one", "two", "all", "any",
    "each", "other", "some", "very", "well", "while", "where", "when", "within", "without",
    "для", "как", "при", "над", "под", "что", "это", "эти", "или", "его", "она", "они", "так",
    "также", "был", "была", "были", "быть", "который", "которые", "которая", "между", "более",
    "їх", "або", "між", "про", "щодо", "який", "яка", "які", "що", "це", "ці", "також", "був",
    "була", "були", "бути", "його", "вона", "вони", "так", "більш",
))
_ABSTRACT = re.compile(r"^ABSTRACT \[(\d+)\]: ?(.*)$")
_SENTENCE = re.compile(r"^SENTENCE (\d+) ((?:\[\d+\])+): ?(.*)$")


def stems(text: str) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return {_stem(word) for word in words
            if len(word) > 2 and not word.isdigit() and word not in FUNCTION_WORDS}


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM_LENGTH]


def check_claims(prompt: str) -> dict[str, Any]:
    """The answer, following `domain.claims.CLAIMS_SCHEMA`, to the check in `prompt`."""
    abstracts: dict[int, str] = {}
    claims: list[dict[str, Any]] = []
    for line in prompt.splitlines():
        if found := _ABSTRACT.match(line):
            abstracts[int(found.group(1))] = found.group(2).removesuffix(" …").strip()
        elif found := _SENTENCE.match(line):
            for n in dict.fromkeys(int(n) for n in re.findall(r"\d+", found.group(2))):
                claim = _judged(found.group(3), abstracts.get(n))
                if claim is not None:
                    claims.append({"sentence": int(found.group(1)), "n": n, **claim})
    return {"claims": claims}


def _judged(sentence: str, abstract: str | None) -> dict[str, str] | None:
    wanted = stems(sentence)
    if not abstract or not wanted:
        return None
    shared = len(wanted & stems(abstract))
    if shared == 0:
        return {"verdict": "unsupported", "quote": ""}
    if shared < SUPPORT_SHARE * len(wanted):
        return None
    quote = _best_passage(wanted, abstract)
    return {"verdict": "supported", "quote": quote} if quote else None


def _best_passage(wanted: set[str], abstract: str) -> str | None:
    best: tuple[int, str] | None = None
    for passage in sentences(abstract):
        quote = _at_most(passage, MAX_QUOTE_CHARS)
        score = len(wanted & stems(quote))
        if score and quote_occurs(quote, abstract) and (best is None or score > best[0]):
            best = (score, quote)
    return best[1] if best else None


def _at_most(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[:cut if cut > 0 else limit].rstrip()
