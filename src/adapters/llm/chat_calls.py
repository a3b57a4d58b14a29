"""Single Chat Completions requests, without retries: a streamed answer and a structured one.

Both go through the `openai` client (its request building, its error per HTTP status) but read
the raw body: the answer's JSON is decoded by msgspec into the few fields used (`chat_wire`),
because a pydantic model per streamed chunk was the worker's largest CPU cost per call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx2
import openai
from openai.types.chat import ChatCompletionMessageParam

from adapters.llm.chat_wire import StreamChunk, TokenUsage, decode_chunk, decode_completion
from adapters.llm.failures import StreamInterrupted
from adapters.llm.raw_response import data_events, read_body
from adapters.llm.reasoning import ReasoningFilter, strip_reasoning
from adapters.llm.tokens import estimate_text_tokens
from domain.ports.language_model import Prompt, TextSink


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    usage: TokenUsage | None
    raw_tokens: int  # an upper bound of what the answer cost, for servers that report no usage


async def stream_text(client: openai.AsyncOpenAI, model: str, *, prompt: Prompt,
                      max_tokens: int, on_text: TextSink | None) -> Answer:
    """The answer streamed in, its visible text passed to `on_text` as it arrives. A stream
    that breaks after text was shown raises StreamInterrupted, which is not retried; before
    that, a timeout between chunks, a lost connection or an error event in the stream is an
    openai.APIError (transient) and an HTTP error status its openai.APIStatusError."""
    reasoning, shown, raw_tokens = ReasoningFilter(), list[str](), 0
    usage: TokenUsage | None = None

    async def show(visible: str) -> None:
        if visible:
            shown.append(visible)
            if on_text:
                await on_text(visible)

    try:
        async with client.chat.completions.with_streaming_response.create(
                model=model, messages=messages(prompt), max_tokens=max_tokens, stream=True,
                stream_options={"include_usage": True}) as response:
            async for data in data_events(response):
                chunk = _chunk(data, response.http_request)
                usage = chunk.usage or usage
                content = chunk.content
                if content:
                    raw_tokens += estimate_text_tokens(content)
                    await show(reasoning.feed(content))
    except openai.APIError as error:
        if shown:
            raise StreamInterrupted(str(error)) from error
        raise
    await show(reasoning.finish())
    return Answer("".join(shown).rstrip(), usage, raw_tokens)


async def ask_json(client: openai.AsyncOpenAI, model: str, *, prompt: Prompt,
                   schema: dict[str, Any], schema_name: str, max_tokens: int) -> Answer:
    """One structured answer (strict JSON Schema output), not yet parsed."""
    async with client.chat.completions.with_streaming_response.create(
            model=model, messages=messages(prompt), max_tokens=max_tokens,
            response_format={"type": "json_schema", "json_schema": {
                "name": schema_name, "schema": schema, "strict": True}}) as response:
        body = await read_body(response)
    completion = decode_completion(body)
    content = completion.content or ""
    return Answer(strip_reasoning(content), completion.usage, estimate_text_tokens(content))


def _chunk(data: bytes, request: httpx2.Request) -> StreamChunk:
    """One event; an error event (`{"error": {...}}`) raises openai.APIError with its
    message, as the client's own stream does."""
    chunk = decode_chunk(data)
    if chunk.error:
        error = chunk.error
        message = error.get("message") if isinstance(error, dict) else None
        raise openai.APIError(message if isinstance(message, str) and message
                              else "An error occurred during streaming", request, body=error)
    return chunk


def messages(prompt: Prompt) -> list[ChatCompletionMessageParam]:
    chat: list[ChatCompletionMessageParam] = []
    if prompt.system:
        chat.append({"role": "system", "content": prompt.system})
    chat.append({"role": "user", "content": prompt.user})
    return chat
