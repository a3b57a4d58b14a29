"""Two (or more) scholarly search providers as one SourceFinder: `SOURCES_PROVIDER=both`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import structlog

from adapters.circuit_breaker import CircuitBreaker
from adapters.sources.interleave import interleaved
from domain.languages import Language
from domain.ports.sources import SourceFinder, SourcesUnavailable
from domain.sources import FoundWork

log = structlog.get_logger("tesigo.sources")


@dataclass(frozen=True, slots=True)
class _Provider:
    name: str
    finder: SourceFinder
    breaker: CircuitBreaker


class MergedSourceFinder(SourceFinder):
    """Asks every provider at once, each for `limit` works, and interleaves their answers by
    rank, each work once (see `interleave`).

    - a provider that fails (SourcesUnavailable after its own retries: 5xx, a 429 it could
      not wait out, a timeout) is left out of this answer and the others stand in; the
      failure is logged at warning
    - each provider has its own circuit breaker: after `failure_threshold` failures in a
      row it is not asked at all for `reset_after_s`, so a dead provider costs no time;
      then one search probes it
    - only when no provider answers does `search` raise SourcesUnavailable
    """

    def __init__(self, providers: Sequence[tuple[str, SourceFinder]], *,
                 failure_threshold: int = 3, reset_after_s: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._providers = tuple(
            _Provider(name, finder, CircuitBreaker(
                paused=partial(_paused, name), name=name, logger="tesigo.sources",
                failure_threshold=failure_threshold, reset_after_s=reset_after_s, clock=clock))
            for name, finder in providers)

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        if limit <= 0 or not query.split():
            return []  # nothing to ask: not a success that would close a breaker
        answers = await asyncio.gather(
            *(self._ask(provider, query, language, limit) for provider in self._providers),
            return_exceptions=True)
        found: list[list[FoundWork]] = []
        failures: list[str] = []
        for answer in answers:
            if isinstance(answer, SourcesUnavailable):
                failures.append(str(answer))
            elif isinstance(answer, BaseException):
                raise answer  # a bug, not an outage: nobody should stand in for it
            else:
                found.append(answer)
        if not found:
            raise SourcesUnavailable("No scholarly search provider answered: "
                                     + "; ".join(failures))
        return interleaved(found, limit)

    async def _ask(self, provider: _Provider, query: str, language: Language,
                   limit: int) -> list[FoundWork]:
        provider.breaker.admit()
        try:
            works = await provider.finder.search(query, language=language, limit=limit)
        except SourcesUnavailable as error:
            provider.breaker.failed()
            log.warning("sources provider failed", provider=provider.name, reason=str(error))
            raise
        except BaseException:
            provider.breaker.abandoned()
            raise
        provider.breaker.succeeded()
        return works


def _paused(name: str, wait_s: float) -> SourcesUnavailable:
    return SourcesUnavailable(f"{name} failed repeatedly; it is not asked for {wait_s:.0f} s.")
