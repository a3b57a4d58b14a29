"""How long a section may be: it ends within ±`LENGTH_TOLERANCE` of its word budget.

- Words are counted as `Section.word_count` counts them (runs of non-space characters).
- A text under 85% of its budget is too short: it is continued, not padded.
- A text over 115% is cut at a sentence end (`sentences.py`), never inside a sentence, so
  markers stay with their sentence: at the last sentence end within 115%, which keeps at
  least 85% whenever the sentences allow it. When no sentence end falls within the band,
  the last one within 115% is taken anyway; when even the first sentence is over 115%, the
  first sentence is kept whole.
"""

from __future__ import annotations

from domain.sentences import sentence_spans

LENGTH_TOLERANCE = 0.15
_PERCENT = round(LENGTH_TOLERANCE * 100)  # whole percents: 115% of 100 is 115, not 114.99…


def word_count(text: str) -> int:
    return len(text.split())


def least_words(budget: int) -> int:
    return -(-budget * (100 - _PERCENT) // 100)


def most_words(budget: int) -> int:
    return budget * (100 + _PERCENT) // 100


def too_short(text: str, budget: int) -> bool:
    return word_count(text) < least_words(budget)


def too_long(text: str, budget: int) -> bool:
    return word_count(text) > most_words(budget)


def missing_words(text: str, budget: int) -> int:
    """How many words a continuation should add to bring `text` to its budget."""
    return max(0, budget - word_count(text))


def cut_to_budget(text: str, budget: int) -> str:
    """`text`, or when it is too long, its sentences up to the cut the module describes
    (paragraph breaks kept, trailing white space dropped)."""
    if not too_long(text, budget):
        return text
    spans = sentence_spans(text)
    cut, words = spans[0][1], 0
    for start, end in spans:
        words += word_count(text[start:end])
        if words > most_words(budget):
            break
        cut = end
    return text[:cut]
