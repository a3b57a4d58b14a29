"""Single Chat Completions requests, without retries: a streamed answer and a structured one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import openai
from openai.types import CompletionUsage
from openai.types.chat import ChatCompletionMessageParam

from adapters.llm.failures import StreamInterrupted
from adapters.llm.reasoning import ReasoningFilter, strip_reasoning
from adapters.llm.tokens import estimate_text_tokens
from domain.ports.language_model import Prompt, TextSink


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    usage: CompletionUsage | None
    raw_tokens: int  # an upper bound of what the answer cost, for servers that report no usage


async def stream_text(client: openai.AsyncOpenAI, model: str, *, prompt: Prompt,
                      max_tokens: int, on_text: TextSink | None) -> Answer:
    """The answer streamed in, its visible text passed to `on_text` as it arrives. A stream
    that breaks after text was shown raises StreamInterrupted, which is not retried."""
    stream = await client.chat.completions.create(
        model=model, messages=messages(prompt), max_tokens=max_tokens, stream=True,
        stream_options={"include_usage": True})
    reasoning, shown, raw_tokens = ReasoningFilter(), [], 0
    usage: CompletionUsage | None = None

    async def show(visible: str) -> None:
        if visible:
            shown.append(visible)
            if on_text:
                await on_text(visible)

    try:
        async with stream:
            async for chunk in stream:
                usage = chunk.usage or usage
                content = chunk.choices[0].delta.content if chunk.choices else None
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
    response = await client.chat.completions.create(
        model=model, messages=messages(prompt), max_tokens=max_tokens,
        response_format={"type": "json_schema", "json_schema": {
            "name": schema_name, "schema": schema, "strict": True}})
    content = (response.choices[0].message.content if response.choices else None) or ""
    return Answer(strip_reasoning(content), response.usage, estimate_text_tokens(content))


def messages(prompt: Prompt) -> list[ChatCompletionMessageParam]:
    chat: list[ChatCompletionMessageParam] = []
    if prompt.system:
        chat.append({"role": "system", "content": prompt.system})
    chat.append({"role": "user", "content": prompt.user})
    return chat
