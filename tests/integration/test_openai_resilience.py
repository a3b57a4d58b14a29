"""OpenAiLanguageModel when the server keeps failing: the circuit breaker and the fallback."""

import asyncio

import pytest
from tests.integration.openai_harness import PROMPT, Harness
from tests.integration.openai_server import Reply

from adapters.llm.circuit_breaker import CircuitBreaker
from domain.ports.language_model import LanguageModelUnavailable


async def test_a_storm_of_server_errors_opens_the_breaker(llm: Harness) -> None:
    model = llm.model(max_attempts=2, breaker=CircuitBreaker(clock=llm.clock))
    llm.server.plan(*[Reply.error(500)] * 10)
    for _ in range(5):
        with pytest.raises(LanguageModelUnavailable):
            await model.complete(PROMPT, max_tokens=50)
    assert len(llm.server.requests) == 10

    with pytest.raises(LanguageModelUnavailable) as raised:
        await model.complete(PROMPT, max_tokens=50)

    assert len(llm.server.requests) == 10
    assert raised.value.retry_after_s == 30
    assert len(llm.sleeps) == 5


async def test_after_the_pause_one_probe_closes_or_reopens_the_breaker(llm: Harness) -> None:
    breaker = CircuitBreaker(failure_threshold=2, reset_after_s=30, clock=llm.clock)
    model = llm.model(max_attempts=1, breaker=breaker)
    llm.server.plan(Reply.error(500), Reply.error(500), Reply.error(503))
    for _ in range(2):
        with pytest.raises(LanguageModelUnavailable):
            await model.complete(PROMPT, max_tokens=50)

    llm.clock.now += 30
    with pytest.raises(LanguageModelUnavailable):
        await model.complete(PROMPT, max_tokens=50)  # the probe fails: open again at once
    with pytest.raises(LanguageModelUnavailable):
        await model.complete(PROMPT, max_tokens=50)
    assert len(llm.server.requests) == 3

    llm.clock.now += 30
    await model.complete(PROMPT, max_tokens=50)
    await model.complete(PROMPT, max_tokens=50)
    assert len(llm.server.requests) == 5 and not breaker.is_open


async def test_only_one_probe_at_a_time_while_half_open(llm: Harness) -> None:
    breaker = CircuitBreaker(failure_threshold=1, reset_after_s=30, clock=llm.clock)
    model = llm.model(max_attempts=1, breaker=breaker)
    llm.server.plan(Reply.error(500))
    with pytest.raises(LanguageModelUnavailable):
        await model.complete(PROMPT, max_tokens=50)
    llm.clock.now += 30
    llm.server.plan(Reply.answer("Probe.", delay_s=0.1))

    probe = asyncio.create_task(model.complete(PROMPT, max_tokens=50))
    await asyncio.sleep(0)
    with pytest.raises(LanguageModelUnavailable):
        await model.complete(PROMPT, max_tokens=50)

    assert (await probe).text == "Probe."
    assert not breaker.is_open


async def test_the_fallback_model_answers_when_the_primary_keeps_failing(llm: Harness) -> None:
    llm.server.plan(Reply.error(500), Reply.error(500))

    completion = await llm.model(fallback_model="backup", max_attempts=2).complete(
        PROMPT, max_tokens=50)

    assert llm.models_asked == ["primary", "primary", "backup"]
    assert completion.usage.model == "backup"


async def test_the_fallback_model_answers_when_the_primary_does_not_exist(llm: Harness) -> None:
    llm.server.plan(Reply.error(404, "The model `primary` does not exist"))

    completion = await llm.model(fallback_model="backup").complete(PROMPT, max_tokens=50)

    assert llm.models_asked == ["primary", "backup"] and completion.usage.model == "backup"


async def test_when_both_models_fail_the_error_names_both(llm: Harness) -> None:
    llm.server.plan(Reply.error(500), Reply.error(503, headers={"retry-after": "4"}))

    with pytest.raises(LanguageModelUnavailable) as raised:
        await llm.model(fallback_model="backup", max_attempts=1).complete(PROMPT, max_tokens=50)

    assert "'primary'" in raised.value.message and "'backup'" in raised.value.message
    assert raised.value.retry_after_s == 4


async def test_a_stream_broken_before_any_text_is_retried(llm: Harness) -> None:
    llm.server.plan(Reply.answer(chunks=("<think>", "plan"), fail_after=1),
                    Reply.answer("Whole answer."))

    completion = await llm.model().complete(PROMPT, max_tokens=50)

    assert completion.text == "Whole answer." and len(llm.server.requests) == 2


async def test_a_stream_broken_after_text_was_shown_is_not_repeated(llm: Harness) -> None:
    llm.server.plan(Reply.answer(chunks=("Bridges ", "carry ", "loads."), fail_after=2))
    shown: list[str] = []

    async def on_text(text: str) -> None:
        shown.append(text)

    with pytest.raises(LanguageModelUnavailable, match="stopped in the middle"):
        await llm.model(fallback_model="backup").complete(PROMPT, max_tokens=50,
                                                          on_text=on_text)

    assert shown == ["Bridges ", "carry "] and llm.models_asked == ["primary"]
