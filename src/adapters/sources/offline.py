"""Sources without a network: the works of a fixed catalogue that match the query.

The works are real; their abstracts are summaries written for the catalogue, not the
publishers' abstracts (see `catalogue`), and every work is marked `Provider.OFFLINE`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from adapters.sources.catalogue import CATALOGUE, CatalogueWork
from adapters.sources.offline_words import in_cyrillic, stems
from domain.languages import Language
from domain.ports.sources import SourceFinder
from domain.sources import FoundWork

CYRILLIC_LANGUAGES = frozenset({"be", "bg", "kk", "ky", "mk", "mn", "ru", "sr", "tg", "uk"})
TITLE_WEIGHT, ABSTRACT_WEIGHT = 2, 1
MAX_REQUIRED = 3  # a long query need not be half matched: three of its words will do


@dataclass(frozen=True, slots=True)
class _Indexed:
    work: FoundWork
    named: frozenset[str]  # stems of the title and keywords: what the work is about
    mentioned: frozenset[str]  # stems of the abstract: what it touches on
    cyrillic: bool


class OfflineSourceFinder(SourceFinder):
    """Searches the curated catalogue in `catalogue` (never the network, never an invented
    work) and returns only works that match the query; an empty list when none does.

    - the query's words are stemmed (see `offline_words`) in whatever language they are, and
      each counts as often as the query's sentences use it (the title and the topic both
      naming bridges says bridges are the subject)
    - a work scores, for each query word it shares, 2 when the word is in its title or
      keywords (what the work is about) and 1 when it is only in its summary
    - a work matches when it scores at least as much as sharing half of the query's words
      through its title or keywords would (at most MAX_REQUIRED words), or the best score if
      that is lower, and never less than one title or keyword word: so "Climate change
      adaptation" finds climate works, not every work with "change" in its title, a work
      whose summary merely uses a query word is left out, and a vaguer query still finds
      what it can
    - matches come best first; ties keep works in the document's script first, then
      catalogue order
    - same query, same answer
    """

    def __init__(self, catalogue: tuple[CatalogueWork, ...] = CATALOGUE) -> None:
        self._index = tuple(
            _Indexed(work=entry.work,
                     named=frozenset(stems(f"{entry.work.title} {entry.keywords}")),
                     mentioned=frozenset(stems(entry.work.abstract or "")),
                     cyrillic=in_cyrillic(entry.work.title))
            for entry in catalogue)

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        wanted = _counted(query)
        if limit <= 0 or not wanted:
            return []
        scores = [(self._score(entry, wanted), index) for index, entry in enumerate(self._index)]
        half = min(math.ceil(sum(wanted.values()) / 2), MAX_REQUIRED) * TITLE_WEIGHT
        required = max(min(half, max(score for score, _ in scores)), TITLE_WEIGHT)
        native = language.code in CYRILLIC_LANGUAGES
        matches = sorted(((score, index) for score, index in scores if score >= required),
                         key=lambda item: (-item[0], self._index[item[1]].cyrillic != native,
                                           item[1]))
        return [self._index[index].work for _, index in matches[:limit]]

    @staticmethod
    def _score(entry: _Indexed, wanted: dict[str, int]) -> int:
        return sum(times * (TITLE_WEIGHT if stem in entry.named
                            else ABSTRACT_WEIGHT if stem in entry.mentioned else 0)
                   for stem, times in wanted.items())


def _counted(query: str) -> dict[str, int]:
    """Each stem of the query with the number of its sentences that use it."""
    counts: dict[str, int] = {}
    for part in query.replace(";", ".").split("."):
        for stem in stems(part):
            counts[stem] = counts.get(stem, 0) + 1
    return counts
