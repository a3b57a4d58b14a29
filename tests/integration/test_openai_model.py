"""OpenAiLanguageModel against a local OpenAI-compatible server: streaming, usage, retries
honouring Retry-After, timeouts, errors without secrets, reasoning blocks."""


import pytest
from tests.integration.openai_harness import API_KEY, PROMPT, Harness
from tests.integration.openai_server import Reply

from adapters.llm.circuit_breaker import CircuitBreaker
from domain.ports.language_model import LanguageModelUnavailable


async def test_streams_chunks_and_reports_usage(llm: Harness) -> None:
    llm.server.plan(Reply.answer(chunks=("Bridges ", "carry ", "loads [1]."), prompt_tokens=21,
                                 completion_tokens=7))
    shown: list[str] = []

    async def on_text(text: str) -> None:
        shown.append(text)

    completion = await llm.model().complete(PROMPT, max_tokens=100, on_text=on_text)

    assert completion.text == "Bridges carry loads [1]."
    assert shown == ["Bridges ", "carry ", "loads [1]."]
    usage = completion.usage
    assert (usage.model, usage.prompt_tokens, usage.completion_tokens) == ("primary", 21, 7)
    assert usage.latency_ms >= 0
    request = llm.server.requests[0]
    assert request.stream and request.stream_options == {"include_usage": True}
    assert request.max_tokens == 100
    assert request.messages == [{"role": "system", "content": PROMPT.system},
                                {"role": "user", "content": PROMPT.user}]
    assert request.headers["authorization"] == f"Bearer {API_KEY}"


async def test_plain_completion_without_usage_is_charged_an_upper_bound(llm: Harness) -> None:
    llm.server.plan(Reply.answer("A short answer.", usage=False))
    model = llm.model()

    completion = await model.complete(PROMPT, max_tokens=50)

    assert completion.text == "A short answer."
    assert completion.usage.prompt_tokens == model.estimate_tokens(PROMPT)
    assert completion.usage.completion_tokens >= 3


async def test_retry_after_is_honoured_before_retrying(llm: Harness) -> None:
    llm.server.plan(Reply.error(429, headers={"retry-after": "2"}), Reply.answer("Done."))

    completion = await llm.model().complete(PROMPT, max_tokens=50)

    assert completion.text == "Done."
    assert llm.sleeps == [2.0]
    assert len(llm.server.requests) == 2


async def test_retry_after_ms_and_backoff_use_the_longer_wait(llm: Harness) -> None:
    llm.server.plan(Reply.error(503, headers={"retry-after-ms": "1500"}), Reply.error(502),
                    Reply.answer("Done."))

    await llm.model().complete(PROMPT, max_tokens=50)

    assert llm.sleeps[0] == 1.5
    assert 0 <= llm.sleeps[1] <= 1.0  # jittered: at most 0.5 s * 2


async def test_long_retry_after_fails_at_once_with_the_hint(llm: Harness) -> None:
    llm.server.plan(Reply.error(429, headers={"retry-after": "120"}))

    with pytest.raises(LanguageModelUnavailable) as raised:
        await llm.model().complete(PROMPT, max_tokens=50)

    assert raised.value.retry_after_s == 120
    assert llm.sleeps == []
    assert len(llm.server.requests) == 1


async def test_a_bad_request_is_not_retried_and_does_not_trip_the_breaker(llm: Harness) -> None:
    model = llm.model(breaker=CircuitBreaker(failure_threshold=1, clock=llm.clock))
    llm.server.plan(Reply.error(400, "context too long"))

    with pytest.raises(LanguageModelUnavailable, match="HTTP 400"):
        await model.complete(PROMPT, max_tokens=50)

    assert llm.sleeps == [] and len(llm.server.requests) == 1
    await model.complete(PROMPT, max_tokens=50)
    assert len(llm.server.requests) == 2


async def test_a_server_that_does_not_answer_in_time_is_unavailable(llm: Harness) -> None:
    llm.server.plan(Reply.stall(3), Reply.stall(3))

    with pytest.raises(LanguageModelUnavailable, match="did not answer in time"):
        await llm.model(max_attempts=2).complete(PROMPT, max_tokens=50)

    assert len(llm.server.requests) == 2 and len(llm.sleeps) == 1


async def test_an_unreachable_server_is_unavailable(llm: Harness) -> None:
    model = llm.model(base_url="http://127.0.0.1:9/v1", max_attempts=2)

    with pytest.raises(LanguageModelUnavailable, match="could not be reached"):
        await model.complete(PROMPT, max_tokens=50)


async def test_error_messages_never_show_the_api_key(llm: Harness) -> None:
    llm.server.plan(Reply.error(401, f"Incorrect API key provided: {API_KEY}"))

    with pytest.raises(LanguageModelUnavailable) as raised:
        await llm.model().complete(PROMPT, max_tokens=50)

    assert API_KEY not in str(raised.value) and "HTTP 401" in str(raised.value)


async def test_reasoning_blocks_are_stripped_also_across_chunks(llm: Harness) -> None:
    llm.server.plan(Reply.answer(chunks=("<thi", "nk>I should cite [9]</th", "ink>\n\nBridges",
                                         " <thinking>hidden</thinking>carry loads.")))
    shown: list[str] = []

    async def on_text(text: str) -> None:
        shown.append(text)

    completion = await llm.model().complete(PROMPT, max_tokens=50, on_text=on_text)

    assert completion.text == "Bridges carry loads."
    assert "".join(shown) == "Bridges carry loads."


async def test_an_unterminated_reasoning_block_shows_nothing(llm: Harness) -> None:
    llm.server.plan(Reply.answer(chunks=("<think>Let me plan", " the section first")))

    completion = await llm.model().complete(PROMPT, max_tokens=50)

    assert completion.text == ""
    assert completion.usage.completion_tokens > 0
