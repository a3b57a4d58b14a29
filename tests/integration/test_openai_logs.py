"""What OpenAiLanguageModel logs when the server fails: every retry and every change of the
circuit breaker, at warning, with neither the API key nor the prompt."""

from typing import Any

import pytest
from structlog.testing import capture_logs
from tests.integration.openai_harness import API_KEY, PROMPT, Harness
from tests.integration.openai_server import Reply

from adapters.llm.circuit_breaker import CircuitBreaker
from domain.ports.language_model import LanguageModelUnavailable

# The server echoes both back in its error message: a log that quoted it would leak them.
ECHO = f"bad key {API_KEY} for prompt {PROMPT.user}"


def named(logs: list[dict[str, Any]], event: str) -> list[dict[str, Any]]:
    return [entry for entry in logs if entry["event"] == event]


def assert_no_secret(logs: list[dict[str, Any]]) -> None:
    text = str(logs)
    assert API_KEY not in text and "sk-" not in text
    assert PROMPT.user not in text and PROMPT.system not in text and "Bridges" not in text


async def test_each_retry_is_logged_with_model_attempt_reason_and_wait(llm: Harness) -> None:
    llm.server.plan(Reply.error(500, ECHO), Reply.error(429, ECHO, headers={"Retry-After": "7"}))

    with capture_logs() as logs:
        await llm.model(max_attempts=3).complete(PROMPT, max_tokens=50)

    retries = named(logs, "model call retried")
    assert [(r["model"], r["attempt"], r["attempts"], r["reason"]) for r in retries] == [
        ("primary", 1, 3, "HTTP 500"), ("primary", 2, 3, "HTTP 429")]
    assert [r["wait_s"] for r in retries] == [round(s, 2) for s in llm.sleeps]
    assert retries[1]["wait_s"] == 7  # the server's Retry-After
    assert all(r["log_level"] == "warning" for r in retries)
    assert_no_secret(logs)


async def test_the_breaker_logs_opening_half_opening_and_closing(llm: Harness) -> None:
    breaker = CircuitBreaker(failure_threshold=1, reset_after_s=30, clock=llm.clock,
                             name="primary")
    model = llm.model(max_attempts=1, breaker=breaker)
    llm.server.plan(Reply.error(503, ECHO), Reply.error(503, ECHO))

    with capture_logs() as logs:
        with pytest.raises(LanguageModelUnavailable):
            await model.complete(PROMPT, max_tokens=50)
        with pytest.raises(LanguageModelUnavailable):
            await model.complete(PROMPT, max_tokens=50)  # open: fails fast, no new entry
        llm.clock.now += 30
        with pytest.raises(LanguageModelUnavailable):
            await model.complete(PROMPT, max_tokens=50)  # the probe fails: open again
        llm.clock.now += 30
        await model.complete(PROMPT, max_tokens=50)  # the probe succeeds: closed

    changes = [(entry["event"], entry["log_level"]) for entry in logs
               if entry["event"].startswith("circuit breaker")]
    assert changes == [("circuit breaker opened", "warning"),
                       ("circuit breaker half-open", "warning"),
                       ("circuit breaker opened", "warning"),
                       ("circuit breaker half-open", "warning"),
                       ("circuit breaker closed", "warning")]
    opened = named(logs, "circuit breaker opened")
    assert [(o["breaker"], o["after_probe"], o["pause_s"]) for o in opened] == [
        ("primary", False, 30), ("primary", True, 30)]
    assert_no_secret(logs)


async def test_the_models_own_breaker_is_named_after_the_model(llm: Harness) -> None:
    llm.server.plan(*[Reply.error(500, ECHO)] * 5)
    model = llm.model(max_attempts=1)

    with capture_logs() as logs:
        for _ in range(5):
            with pytest.raises(LanguageModelUnavailable):
                await model.complete(PROMPT, max_tokens=50)

    [opened] = named(logs, "circuit breaker opened")
    assert (opened["breaker"], opened["failures"]) == ("primary", 5)
    assert_no_secret(logs)
