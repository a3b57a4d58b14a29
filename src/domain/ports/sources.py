from abc import abstractmethod
from typing import Protocol

from domain.errors import DomainError
from domain.languages import Language
from domain.sources import FoundWork


class SourcesUnavailable(DomainError):
    default_message = "The scholarly search service is unavailable right now; try again shortly."


class SourceFinder(Protocol):
    """Searches scholarly works.

    - `search` returns at most `limit` works for `query`, best first; works without a title
      are left out. It prefers works in `language` where the provider can filter by language.
    - Transient failures (429, 5xx, timeouts) are retried with backoff honouring
      `Retry-After`; what still fails raises SourcesUnavailable.
    """

    @abstractmethod
    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]: ...
