"""Sources without a network: a fixed catalogue of real works, matched by keywords."""


from __future__ import annotations

import re
import unicodedata

from adapters.sources.offline_catalogue import CATALOGUE, GENERAL_METHODS
from domain.languages import Language
from domain.ports.sources import SourceFinder
from domain.sources import FoundWork

STEM_LENGTH = 5
STOP_WORDS = frozenset((
    "the", "and", "for", "with", "from", "into", "over", "under", "about", "between", "their",
    "its", "this", "that", "what", "how", "why", "are", "was", "were", "use", "using", "based",
    "study", "analysis", "approach", "new", "towards", "toward",
    "для", "как", "при", "над", "под", "что", "это", "или", "его", "їх", "або", "між", "про",
    "щодо", "який", "яка", "які",
))
CYRILLIC_LANGUAGES = frozenset({"be", "bg", "kk", "ky", "mk", "mn", "ru", "sr", "tg", "uk"})


class OfflineSourceFinder(SourceFinder):
    """Searches the curated catalogue in `offline_catalogue`: never the network, never an
    invented work.

    A work ranks by how many of the query's word stems (casefolded, first five letters) occur
    in its title or venue; ties keep the works in the document's script first, then catalogue
    order. When fewer than `limit` works match, general research-methods works fill the list.
    Same query, same answer.
    """

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        if limit <= 0:
            return []
        wanted = stems(query)
        scored = [(len(wanted & stems(f"{work.title} {work.venue or ''}")), index, work)
                  for index, work in enumerate(CATALOGUE)]
        native = language.code in CYRILLIC_LANGUAGES
        matches = sorted((item for item in scored if item[0] > 0),
                         key=lambda item: (-item[0], _cyrillic(item[2]) != native, item[1]))
        found = [work for _, _, work in matches][:limit]
        fill = [work for work in GENERAL_METHODS if work not in found]
        return found + fill[:limit - len(found)]


def stems(text: str) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return {_stem(word) for word in words
            if len(word) > 2 and not word.isdigit() and word not in STOP_WORDS}


def _stem(word: str) -> str:
    """The first letters of a word, after an English plural "s" ("firms" and "firm" agree)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM_LENGTH]


def _cyrillic(work: FoundWork) -> bool:
    return any("CYRILLIC" in unicodedata.name(char, "") for char in work.title)
