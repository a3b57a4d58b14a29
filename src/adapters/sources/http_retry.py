"""GET JSON from a scholarly API, retrying transient failures with bounded, jittered backoff.

Transient: 429, 5xx, timeouts and connection errors. A `Retry-After` given in seconds is
honoured exactly; one longer than `retry_after_limit_s` ends the retries at once (waiting that
long would outlast the request that needs the sources). Anything else that fails raises
SourcesUnavailable without a retry.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.stop import stop_base
from tenacity.wait import wait_random_exponential

from domain.ports.sources import SourcesUnavailable

Sleep = Callable[[float], Awaitable[None]]
TRANSPORT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    max_attempts: int = 4
    sleep: Sleep = asyncio.sleep
    backoff_s: float = 0.5
    backoff_max_s: float = 8.0
    retry_after_limit_s: float = 30.0


class TransientFailure(Exception):
    """An answer worth asking again for, after `retry_after` seconds when the server said so."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


async def get_json(client: httpx.AsyncClient, url: str, *, params: Mapping[str, str],
                   headers: Mapping[str, str], policy: RetryPolicy, provider: str) -> Any:
    stop = stop_after_attempt(policy.max_attempts) | _RetryAfterTooLong(policy.retry_after_limit_s)
    retrying = AsyncRetrying(stop=stop, wait=_wait(policy), sleep=policy.sleep, reraise=True,
                             retry=retry_if_exception_type(TransientFailure))
    try:
        async for attempt in retrying:
            with attempt:
                return await _get_once(client, url, params, headers, provider)
    except TransientFailure as error:
        attempts = retrying.statistics.get("attempt_number", 1)
        raise SourcesUnavailable(
            f"{provider} search failed after {attempts} attempt(s): {error}"
        ) from error
    raise AssertionError("tenacity ended without a result")  # pragma: no cover


async def _get_once(client: httpx.AsyncClient, url: str, params: Mapping[str, str],
                    headers: Mapping[str, str], provider: str) -> Any:
    try:
        response = await client.get(url, params=params, headers=headers)
    except TRANSPORT_ERRORS as error:
        raise TransientFailure(f"{type(error).__name__}: {error}") from error
    except httpx.HTTPError as error:
        raise SourcesUnavailable(f"{provider} could not be reached: {error}") from error
    status = response.status_code
    if status == 429 or status >= 500:
        raise TransientFailure(f"HTTP {status}", retry_after=_retry_after(response))
    if not response.is_success:
        raise SourcesUnavailable(f"{provider} refused the search: HTTP {status}")
    try:
        return response.json()
    except ValueError as error:
        raise SourcesUnavailable(f"{provider} answered with invalid JSON") from error


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds from a numeric Retry-After; None when absent or an HTTP date."""
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return None


def _server_delay(state: RetryCallState) -> float | None:
    outcome = state.outcome
    error = outcome.exception() if outcome is not None and outcome.failed else None
    return error.retry_after if isinstance(error, TransientFailure) else None


def _wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_random_exponential(multiplier=policy.backoff_s, max=policy.backoff_max_s)

    def wait(state: RetryCallState) -> float:
        delay = _server_delay(state)
        return backoff(state) if delay is None else delay

    return wait


class _RetryAfterTooLong(stop_base):
    def __init__(self, limit_s: float) -> None:
        self._limit_s = limit_s

    def __call__(self, retry_state: RetryCallState) -> bool:
        delay = _server_delay(retry_state)
        return delay is not None and delay > self._limit_s
