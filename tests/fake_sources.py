"""A scholarly search for use-case tests: answers each query from a script, records what it
was asked, and fails like a provider that is down for the queries it is told to."""

from __future__ import annotations

from domain.documents import Provider
from domain.languages import Language
from domain.ports.sources import SourceFinder, SourcesUnavailable
from domain.sources import FoundWork

DEFAULT = "{title} is studied here."


def found(title: str, *, abstract: str | None = DEFAULT, cited_by: int | None = None,
          doi: str | None = None, year: int = 2020) -> FoundWork:
    """A work; its abstract defaults to a sentence naming it (None: it has none)."""
    return FoundWork(title=title, authors=("Ada Lovelace",), year=year, venue="Journal",
                     doi=doi, url=None,
                     abstract=abstract.format(title=title) if abstract else None,
                     provider=Provider.OPENALEX, cited_by=cited_by)


class ScriptedSourceFinder(SourceFinder):
    def __init__(self) -> None:
        self.answers: dict[str, list[FoundWork]] = {}
        self.failing: set[str] = set()
        self.asked: list[tuple[str, int]] = []

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        self.asked.append((query, limit))
        if query in self.failing or "*" in self.failing:
            raise SourcesUnavailable
        return self.answers.get(query, [found(f"{query} work {i}") for i in range(3)])[:limit]
