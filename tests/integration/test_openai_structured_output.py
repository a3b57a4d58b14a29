"""OpenAiLanguageModel.complete_json: strict JSON Schema requests, validation, re-asking."""

import json
from typing import Any

import pytest
from tests.integration.openai_harness import PROMPT, Harness
from tests.integration.openai_server import Reply

from adapters.llm.circuit_breaker import CircuitBreaker
from adapters.llm.openai_model import JSON_ATTEMPTS
from domain.ports.language_model import InvalidModelOutput

OUTLINE: dict[str, Any] = {
    "type": "object", "additionalProperties": False, "required": ["sections"],
    "properties": {"sections": {"type": "array", "minItems": 1, "maxItems": 5, "items": {
        "type": "object", "additionalProperties": False, "required": ["title", "target_words"],
        "properties": {"title": {"type": "string"},
                       "target_words": {"type": "integer", "minimum": 1}}}}},
}
VALID = {"sections": [{"title": "Introduction", "target_words": 300},
                      {"title": "Conclusion", "target_words": 200}]}


async def test_a_valid_answer_is_parsed(llm: Harness) -> None:
    llm.server.plan(Reply.answer_json(VALID, prompt_tokens=30, completion_tokens=12))

    value, completion = await llm.model().complete_json(
        PROMPT, schema=OUTLINE, schema_name="outline", max_tokens=200)

    assert value == VALID
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (30, 12)
    request = llm.server.requests[0]
    assert request.response_format == {"type": "json_schema", "json_schema": {
        "name": "outline", "schema": OUTLINE, "strict": True}}
    assert not request.stream and request.max_tokens == 200


async def test_reasoning_and_a_code_fence_around_the_json_are_tolerated(llm: Harness) -> None:
    llm.server.plan(Reply.answer(
        f"<thinking>Two sections.</thinking>\n```json\n{json.dumps(VALID)}\n```"))

    value, _ = await llm.model().complete_json(
        PROMPT, schema=OUTLINE, schema_name="outline", max_tokens=200)

    assert value == VALID


async def test_an_answer_that_breaks_the_schema_is_asked_again(llm: Harness) -> None:
    llm.server.plan(Reply.answer_json({"sections": []}, prompt_tokens=30, completion_tokens=5),
                    Reply.answer_json(VALID, prompt_tokens=30, completion_tokens=12))

    value, completion = await llm.model().complete_json(
        PROMPT, schema=OUTLINE, schema_name="outline", max_tokens=200)

    assert value == VALID
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (60, 17)
    assert len(llm.server.requests) == 2 and llm.sleeps == []


async def test_invalid_answers_end_in_invalid_model_output(llm: Harness) -> None:
    llm.server.plan(Reply.answer("Sure! Here is the outline: 1. Intro"),
                    *[Reply.answer_json({"sections": [{"title": "Intro"}]})] * JSON_ATTEMPTS)

    with pytest.raises(InvalidModelOutput) as raised:
        await llm.model().complete_json(PROMPT, schema=OUTLINE, schema_name="outline",
                                        max_tokens=200)

    assert len(llm.server.requests) == JSON_ATTEMPTS == 4
    assert "'outline'" in raised.value.message
    assert "missing required property 'target_words'" in raised.value.message


async def test_a_caller_may_ask_fewer_times_never_more(llm: Harness) -> None:
    llm.server.plan(*[Reply.answer("not json")] * (JSON_ATTEMPTS + 2))

    with pytest.raises(InvalidModelOutput) as once:
        await llm.model().complete_json(PROMPT, schema=OUTLINE, schema_name="outline",
                                        max_tokens=200, attempts=1)
    assert len(llm.server.requests) == 1 and "1 attempt(s)" in once.value.message

    with pytest.raises(InvalidModelOutput):
        await llm.model().complete_json(PROMPT, schema=OUTLINE, schema_name="outline",
                                        max_tokens=200, attempts=JSON_ATTEMPTS + 2)
    assert len(llm.server.requests) == 1 + JSON_ATTEMPTS


async def test_an_invalid_answer_does_not_trip_the_breaker(llm: Harness) -> None:
    breaker = CircuitBreaker(failure_threshold=1, clock=llm.clock)
    llm.server.plan(*[Reply.answer("not json")] * JSON_ATTEMPTS)
    with pytest.raises(InvalidModelOutput):
        await llm.model(breaker=breaker).complete_json(
            PROMPT, schema=OUTLINE, schema_name="outline", max_tokens=200)

    assert not breaker.is_open
