"""The language model's circuit breaker: the shared breaker, raising LanguageModelUnavailable
while it is open."""

from __future__ import annotations

import time
from collections.abc import Callable

from adapters import circuit_breaker
from domain.ports.language_model import LanguageModelUnavailable


def _paused(wait_s: float) -> LanguageModelUnavailable:
    return LanguageModelUnavailable(
        "The language model failed repeatedly; calls are paused for a while.",
        retry_after_s=wait_s)


class CircuitBreaker(circuit_breaker.CircuitBreaker):
    """See `adapters.circuit_breaker.CircuitBreaker`; logs on `tesigo.llm`."""

    def __init__(self, *, failure_threshold: int = 5, reset_after_s: float = 30.0,
                 clock: Callable[[], float] = time.monotonic,
                 name: str = "language model") -> None:
        super().__init__(paused=_paused, name=name, logger="tesigo.llm",
                         failure_threshold=failure_threshold, reset_after_s=reset_after_s,
                         clock=clock)
