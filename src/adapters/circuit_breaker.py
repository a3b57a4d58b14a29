"""A circuit breaker: after a run of failed calls, stop calling a server that is down.

Shared by the adapters that talk to outside services (the language model, each scholarly
search provider); each says what error a paused call raises, so callers see their own
port's "unavailable" error. The gauge `tesigo_circuit_breaker_open{breaker}` is 1 while a
breaker is open or half-open, 0 while it is closed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import structlog
from prometheus_client import Gauge

Paused = Callable[[float], Exception]  # seconds until a probe may go -> the error to raise
OPEN = Gauge("tesigo_circuit_breaker_open", "1 while a circuit breaker is open or half-open",
             ["breaker"])


class CircuitBreaker:
    """Closed: calls go through. `failure_threshold` consecutive failures open it; while open,
    `admit` raises `paused(seconds left)` at once. `reset_after_s` after opening, one
    half-open probe is admitted (others still fail fast): its success closes the breaker,
    its failure opens it again. Outcomes that say nothing about the server's health (the
    caller gave up, a bug on our side) are reported with `abandoned`.

    Every change of state (opened, half-open, closed) is logged at warning on `logger`, with
    `name` saying what the breaker guards (a model's or a provider's name: never a key or a
    URL)."""

    def __init__(self, *, paused: Paused, name: str, logger: str = "tesigo",
                 failure_threshold: int = 5, reset_after_s: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if failure_threshold < 1 or reset_after_s < 0:
            raise ValueError("failure_threshold must be >= 1 and reset_after_s >= 0")
        self._threshold, self._reset_after_s, self._clock = failure_threshold, reset_after_s, clock
        self._paused, self._log = paused, structlog.get_logger(logger)
        self.name = name
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False
        OPEN.labels(name)  # the series exists (at 0) before the first failure

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def admit(self) -> None:
        """Let a call through, or raise the paused error while the breaker is open."""
        if self._opened_at is None:
            return
        wait_s = self._opened_at + self._reset_after_s - self._clock()
        if wait_s > 0 or self._probing:
            raise self._paused(max(wait_s, 1.0))
        self._probing = True
        self._log.warning("circuit breaker half-open", breaker=self.name)

    def succeeded(self) -> None:
        if self._opened_at is not None:
            self._log.warning("circuit breaker closed", breaker=self.name)
            OPEN.labels(self.name).set(0)
        self._failures, self._opened_at, self._probing = 0, None, False

    def failed(self) -> None:
        self._failures += 1
        if self._probing or self._failures >= self._threshold:
            if self._opened_at is None or self._probing:  # a change, not a late failure
                self._log.warning("circuit breaker opened",
                                  breaker=self.name, failures=self._failures,
                                  after_probe=self._probing, pause_s=self._reset_after_s)
                OPEN.labels(self.name).set(1)
            self._opened_at, self._probing = self._clock(), False

    def abandoned(self) -> None:
        self._probing = False
