"""How long a document is and how it divides into sections."""

from __future__ import annotations

from collections.abc import Sequence

from domain.documents import Kind, OutlineItem
from domain.errors import InvalidInput

MIN_SECTION_WORDS = 50
MAX_SECTIONS = 40
TITLE_MAX = 200
_WORDS_PER_SECTION = {Kind.ESSAY: 400, Kind.ARTICLE: 800, Kind.REPORT: 700,
                      Kind.COURSEWORK: 1200, Kind.THESIS: 2500}
_SECTION_RANGE = {Kind.ESSAY: (3, 8), Kind.ARTICLE: (4, 10), Kind.REPORT: (4, 12),
                  Kind.COURSEWORK: (4, 12), Kind.THESIS: (5, 20)}


def section_count(kind: Kind, target_words: int) -> int:
    """How many sections a document of this kind and length should have."""
    low, high = _SECTION_RANGE[kind]
    wanted = round(target_words / _WORDS_PER_SECTION[kind])
    return max(low, min(high, wanted, target_words // MIN_SECTION_WORDS))


def plan_outline(drafted: Sequence[tuple[str, int]], target_words: int) -> tuple[OutlineItem, ...]:
    """Outline items from drafted (title, words) pairs, with word budgets scaled to sum to
    exactly `target_words` (so always within the ±10% promise). Raises InvalidInput for an
    empty or oversized outline or an empty title."""
    if not 1 <= len(drafted) <= MAX_SECTIONS:
        raise InvalidInput(f"an outline has between 1 and {MAX_SECTIONS} sections")
    titles = [" ".join(title.split())[:TITLE_MAX] for title, _ in drafted]
    if not all(titles):
        raise InvalidInput("every section of an outline needs a title")
    weights = [max(1, words) for _, words in drafted]
    budgets = _apportion(target_words, weights)
    return tuple(OutlineItem(index=i, title=title, target_words=words)
                 for i, (title, words) in enumerate(zip(titles, budgets, strict=True), start=1))


def _apportion(total: int, weights: Sequence[int]) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainders); parts that would fall
    below MIN_SECTION_WORDS are lifted to it, when the total allows, and the rest shared out
    again among the others."""
    floor = MIN_SECTION_WORDS if total >= MIN_SECTION_WORDS * len(weights) else 1
    lifted: set[int] = set()
    while True:
        free = [i for i in range(len(weights)) if i not in lifted]
        shares = _largest_remainders(total - floor * len(lifted), [weights[i] for i in free])
        parts = dict(zip(free, shares, strict=True)) | dict.fromkeys(lifted, floor)
        short = {i for i in free if parts[i] < floor}
        if not short:
            return [parts[i] for i in range(len(weights))]
        lifted |= short


def _largest_remainders(total: int, weights: Sequence[int]) -> list[int]:
    exact = [total * w / sum(weights) for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts
