"""Crossref's REST API, one work by DOI (https://api.crossref.org/works/{doi})."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.stop import stop_before_delay
from tenacity.wait import wait_random_exponential

from adapters.circuit_breaker import CircuitBreaker
from adapters.sources.crossref_work import crossref_work
from adapters.sources.http_retry import TRANSPORT_ERRORS, RetryPolicy, Sleep, TransientFailure
from adapters.sources.payload import mapping
from domain.dois import valid_doi
from domain.ports.doi_lookup import DoiLookup, LookupTimedOut
from domain.ports.sources import SourcesUnavailable
from domain.sources import FoundWork

NAME = "Crossref"


class CrossrefLookup(DoiLookup):
    """`GET /works/{doi}`, the DOI percent-encoded into the path (`/` kept: DOIs hold
    `<`, `;`, `#`, `?`...). 404 is a DOI Crossref does not know.

    - transient failures (429, 5xx, connection errors) are retried with jittered backoff,
      honouring a numeric `Retry-After`, while the next attempt still fits in `timeout_s`;
      then SourcesUnavailable
    - `timeout_s` bounds the whole look-up, retries and waits included: past it (or when
      every attempt timed out) LookupTimedOut
    - a circuit breaker stops asking after `failure_threshold` failures in a row (timeouts
      included) for `reset_after_s`: meanwhile look-ups raise SourcesUnavailable at once
    - requests carry `user_agent` and, when given, `mailto`, which puts them in Crossref's
      polite pool
    """

    def __init__(self, *, client: httpx.AsyncClient, base_url: str = "https://api.crossref.org",
                 timeout_s: float = 10.0, user_agent: str = "TesiGo", mailto: str | None = None,
                 max_attempts: int = 3, sleep: Sleep = asyncio.sleep,
                 failure_threshold: int = 5, reset_after_s: float = 30.0) -> None:
        self._client, self._url = client, f"{base_url.rstrip('/')}/works/"
        self._timeout_s = timeout_s
        self._headers = {"user-agent": user_agent}
        self._params = {"mailto": mailto} if mailto else {}
        self._policy = RetryPolicy(max_attempts=max_attempts, sleep=sleep)
        self._breaker = CircuitBreaker(paused=_paused, name=NAME, logger="tesigo.sources",
                                       failure_threshold=failure_threshold,
                                       reset_after_s=reset_after_s)

    async def look_up(self, doi: str) -> FoundWork | None:
        doi = valid_doi(doi)
        self._breaker.admit()
        try:
            async with asyncio.timeout(self._timeout_s):
                message = await self._fetch(doi)
        except TimeoutError as error:
            self._breaker.failed()
            raise LookupTimedOut(
                f"The DOI registry ({NAME}) did not answer within {self._timeout_s:g} s; "
                "try again shortly.") from error
        except SourcesUnavailable:
            self._breaker.failed()
            raise
        except BaseException:
            self._breaker.abandoned()
            raise
        self._breaker.succeeded()
        return None if message is None else crossref_work(message, doi)

    async def _fetch(self, doi: str) -> dict[str, Any] | None:
        url = self._url + quote(doi, safe="/")
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.max_attempts) | stop_before_delay(self._timeout_s),
            wait=_wait(self._policy), sleep=self._policy.sleep, reraise=True,
            retry=retry_if_exception_type(TransientFailure))
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._get_once(url)
        except TransientFailure as error:
            if isinstance(error.__cause__, httpx.TimeoutException):
                raise TimeoutError from error
            attempts = retrying.statistics.get("attempt_number", 1)
            raise SourcesUnavailable(
                f"{NAME} failed after {attempts} attempt(s): {error}") from error
        raise AssertionError("tenacity ended without a result")  # pragma: no cover

    async def _get_once(self, url: str) -> dict[str, Any] | None:
        try:
            response = await self._client.get(url, params=self._params, headers=self._headers,
                                              timeout=self._timeout_s)
        except TRANSPORT_ERRORS as error:
            raise TransientFailure(f"{type(error).__name__}: {error}") from error
        except httpx.HTTPError as error:
            raise SourcesUnavailable(f"{NAME} could not be reached: {error}") from error
        status = response.status_code
        if status == 404:
            return None
        if status == 429 or status >= 500:
            raise TransientFailure(f"HTTP {status}", retry_after=_retry_after(response))
        if not response.is_success:
            raise SourcesUnavailable(f"{NAME} refused the look-up: HTTP {status}")
        try:
            payload = response.json()
        except ValueError as error:
            raise SourcesUnavailable(f"{NAME} answered with invalid JSON") from error
        message = mapping(payload).get("message")
        if not isinstance(message, dict):
            raise SourcesUnavailable(f"{NAME} answered without a work record")
        return message


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return None


def _wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    """The server's `Retry-After` when it gave one, else jittered exponential backoff."""
    backoff = wait_random_exponential(multiplier=policy.backoff_s, max=policy.backoff_max_s)

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome is not None and outcome.failed else None
        delay = error.retry_after if isinstance(error, TransientFailure) else None
        return backoff(state) if delay is None else delay

    return wait


def _paused(wait_s: float) -> SourcesUnavailable:
    return SourcesUnavailable(f"{NAME} failed repeatedly; it is not asked for {wait_s:.0f} s.")
