"""One retry policy for model calls: transient failures only, jittered exponential backoff
that honours the server's Retry-After, a bounded number of attempts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_random_exponential

from adapters.llm.failures import RetryLater, failure_kind, is_transient, retry_after_s

T = TypeVar("T")
MAX_RETRY_AFTER_S = 30.0
_backoff = wait_random_exponential(multiplier=0.5, max=20)
log = structlog.get_logger("tesigo.llm")


def _wait(state: RetryCallState) -> float:
    """The jittered backoff, or the server's Retry-After when that is longer."""
    error = state.outcome.exception() if state.outcome else None
    asked = retry_after_s(error) if error else None
    return max(_backoff(state), asked or 0.0)


def _log_retry(model: str, attempts: int) -> Callable[[RetryCallState], None]:
    def before_sleep(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        wait_s = state.next_action.sleep if state.next_action else 0.0
        log.warning("model call retried", model=model, attempt=state.attempt_number,
                    attempts=attempts, reason=failure_kind(error) if error else "unknown",
                    wait_s=round(wait_s, 2))

    return before_sleep


async def with_retries(call: Callable[[], Awaitable[T]], *, attempts: int,
                       sleep: Callable[[float], Awaitable[None]], model: str = "") -> T:
    """`call()` until it succeeds, fails for good or `attempts` are used up; the last error
    is raised as is. A Retry-After over MAX_RETRY_AFTER_S raises RetryLater at once, so that
    the caller can reschedule instead of holding a worker. Each retry is logged at warning
    (the `model`, the attempt that failed, why, and the wait before the next)."""

    async def attempt() -> T:
        try:
            return await call()
        except Exception as error:
            asked = retry_after_s(error) if is_transient(error) else None
            if asked is not None and asked > MAX_RETRY_AFTER_S:
                raise RetryLater(asked) from error
            raise

    retrying = AsyncRetrying(stop=stop_after_attempt(attempts), wait=_wait,
                             retry=retry_if_exception(is_transient), sleep=sleep, reraise=True,
                             before_sleep=_log_retry(model, attempts))
    return await retrying(attempt)
