"""The shared circuit breaker raises its owner's error while open, and logs on its logger."""

import pytest
from prometheus_client import REGISTRY
from structlog.testing import capture_logs

from adapters.circuit_breaker import CircuitBreaker


class Paused(Exception):
    def __init__(self, wait_s: float) -> None:
        super().__init__(f"paused for {wait_s}")
        self.wait_s = wait_s


def test_an_open_breaker_raises_the_error_its_owner_chose() -> None:
    now = [0.0]
    breaker = CircuitBreaker(paused=Paused, name="OpenAlex", failure_threshold=1,
                             reset_after_s=20, clock=lambda: now[0])
    breaker.failed()
    now[0] = 5.0

    with pytest.raises(Paused) as raised:
        breaker.admit()

    assert raised.value.wait_s == 15.0
    now[0] = 19.5
    with pytest.raises(Paused) as almost:
        breaker.admit()
    assert almost.value.wait_s == 1.0  # never "retry in 0 s"


def test_changes_are_logged_with_the_breakers_name() -> None:
    breaker = CircuitBreaker(paused=Paused, name="Semantic Scholar", failure_threshold=1,
                             reset_after_s=0, clock=lambda: 0.0)

    with capture_logs() as logs:
        breaker.failed()
        breaker.admit()
        breaker.succeeded()

    assert [(e["event"], e["breaker"]) for e in logs] == [
        ("circuit breaker opened", "Semantic Scholar"),
        ("circuit breaker half-open", "Semantic Scholar"),
        ("circuit breaker closed", "Semantic Scholar")]


def test_nonsense_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="failure_threshold"):
        CircuitBreaker(paused=Paused, name="x", failure_threshold=0)


def test_the_open_gauge_follows_the_breaker() -> None:
    breaker = CircuitBreaker(paused=Paused, name="Gauged", failure_threshold=2,
                             reset_after_s=0, clock=lambda: 0.0)
    def gauge() -> float | None:
        return REGISTRY.get_sample_value("tesigo_circuit_breaker_open", {"breaker": "Gauged"})

    assert gauge() == 0

    breaker.failed()
    assert gauge() == 0  # one failure is below the threshold
    breaker.failed()
    assert gauge() == 1
    breaker.admit()  # half-open: still counted as open
    assert gauge() == 1
    breaker.succeeded()
    assert gauge() == 0
