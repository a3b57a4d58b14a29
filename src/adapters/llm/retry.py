"""One retry policy for model calls: transient failures only, jittered exponential backoff
that honours the server's Retry-After, a bounded number of attempts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_random_exponential

from adapters.llm.failures import RetryLater, is_transient, retry_after_s

T = TypeVar("T")
MAX_RETRY_AFTER_S = 30.0
_backoff = wait_random_exponential(multiplier=0.5, max=20)


def _wait(state: RetryCallState) -> float:
    """The jittered backoff, or the server's Retry-After when that is longer."""
    error = state.outcome.exception() if state.outcome else None
    asked = retry_after_s(error) if error else None
    return max(_backoff(state), asked or 0.0)


async def with_retries(call: Callable[[], Awaitable[T]], *, attempts: int,
                       sleep: Callable[[float], Awaitable[None]]) -> T:
    """`call()` until it succeeds, fails for good or `attempts` are used up; the last error
    is raised as is. A Retry-After over MAX_RETRY_AFTER_S raises RetryLater at once, so that
    the caller can reschedule instead of holding a worker."""

    async def attempt() -> T:
        try:
            return await call()
        except Exception as error:
            asked = retry_after_s(error) if is_transient(error) else None
            if asked is not None and asked > MAX_RETRY_AFTER_S:
                raise RetryLater(asked) from error
            raise

    retrying = AsyncRetrying(stop=stop_after_attempt(attempts), wait=_wait,
                             retry=retry_if_exception(is_transient), sleep=sleep, reraise=True)
    return await retrying(attempt)
