"""The language model behind any OpenAI-compatible Chat Completions API."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

import openai

from adapters.llm.chat_calls import Answer, ask_json, stream_text
from adapters.llm.circuit_breaker import CircuitBreaker
from adapters.llm.failures import (
    RetryLater,
    StreamInterrupted,
    is_model_missing,
    is_transient,
    unavailable_after,
)
from adapters.llm.json_schema import parse_answer
from adapters.llm.retry import with_retries
from adapters.llm.tokens import estimate_prompt_tokens
from domain.ports.language_model import (
    Completion,
    InvalidModelOutput,
    LanguageModel,
    Prompt,
    TextSink,
)
from domain.quota import Usage

T = TypeVar("T")
JSON_ATTEMPTS = 4  # the first answer and up to three re-asks when it is not valid


class OpenAiLanguageModel(LanguageModel):
    """Chat Completions through the official `openai` client with its own retries off: this
    adapter's policy retries transient failures (see `retry.py`), a circuit breaker stops
    calling a server that keeps failing, and `fallback_model` is asked once when `model`
    stays unavailable or does not exist. `Usage.model` names the model that answered."""

    json_attempts = JSON_ATTEMPTS

    def __init__(self, *, api_key: str, base_url: str | None, model: str,
                 fallback_model: str | None = None, timeout_s: float = 60.0,
                 max_attempts: int = 4, breaker: CircuitBreaker | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        # Local servers often need no key; the client insists on one.
        self._client = openai.AsyncOpenAI(api_key=api_key or "no-key", base_url=base_url,
                                          timeout=timeout_s, max_retries=0)
        # The client imports its chat resources on first use: here, at start-up, instead
        # of in the first call.
        _ = self._client.chat.completions.with_streaming_response
        self._secret = api_key
        self._models = (model,) if fallback_model in (None, "", model) else (model, fallback_model)
        self._max_attempts, self._clock, self._sleep = max(1, max_attempts), clock, sleep
        self._breaker = breaker or CircuitBreaker(clock=clock, name=model)

    def estimate_tokens(self, prompt: Prompt) -> int:
        return estimate_prompt_tokens(prompt)

    async def complete(self, prompt: Prompt, *, max_tokens: int,
                       on_text: TextSink | None = None) -> Completion:
        started = self._clock()
        model, answer = await self._call(partial(stream_text, self._client, prompt=prompt,
                                                 max_tokens=max_tokens, on_text=on_text))
        return Completion(text=answer.text, usage=self._usage(prompt, model, answer, started))

    async def complete_json(self, prompt: Prompt, *, schema: dict[str, Any], schema_name: str,
                            max_tokens: int, attempts: int | None = None,
                            ) -> tuple[dict[str, Any], Completion]:
        spent: list[Usage] = []
        problem, asks = "answer was missing", min(attempts or JSON_ATTEMPTS, JSON_ATTEMPTS)
        for _ in range(asks):
            started = self._clock()
            model, answer = await self._call(partial(
                ask_json, self._client, prompt=prompt, schema=schema, schema_name=schema_name,
                max_tokens=max_tokens))
            spent.append(self._usage(prompt, model, answer, started))
            try:
                value = parse_answer(answer.text, schema)
            except ValueError as error:
                problem = str(error)
                continue
            return value, Completion(text=answer.text, usage=_total(spent))
        raise InvalidModelOutput(f"The language model gave no valid '{schema_name}' in "
                                 f"{asks} attempt(s); the last {problem}.")

    async def aclose(self) -> None:
        await self._client.close()

    async def _call(self, ask: Callable[[str], Awaitable[T]]) -> tuple[str, T]:
        """`ask(model)` through the breaker, with retries, then the fallback model."""
        self._breaker.admit()
        failures: list[tuple[str, Exception]] = []
        try:
            for model in self._models:
                try:
                    answer = await with_retries(partial(ask, model), model=model,
                                                attempts=self._max_attempts, sleep=self._sleep)
                except (openai.OpenAIError, RetryLater, StreamInterrupted) as error:
                    failures.append((model, error))
                    if not _worth_fallback(error):
                        break
                else:
                    self._breaker.succeeded()
                    return model, answer
        except BaseException:
            self._breaker.abandoned()
            raise
        last = failures[-1][1]
        # A server that answers (even "bad request") is up: only its silence trips the breaker.
        if _server_down(last):
            self._breaker.failed()
        else:
            self._breaker.succeeded()
        raise unavailable_after(failures, secret=self._secret) from last

    def _usage(self, prompt: Prompt, model: str, answer: Answer, started: float) -> Usage:
        """The server's counts; an upper bound where it gave none."""
        latency_ms = max(0, round((self._clock() - started) * 1000))
        counted = answer.usage
        prompt_tokens = counted.prompt_tokens if counted else None
        completion_tokens = counted.completion_tokens if counted else None
        return Usage(model=model, latency_ms=latency_ms,
                     prompt_tokens=(estimate_prompt_tokens(prompt) if prompt_tokens is None
                                    else prompt_tokens),
                     completion_tokens=(answer.raw_tokens if completion_tokens is None
                                        else completion_tokens))


def _server_down(error: Exception) -> bool:
    return is_transient(error) or isinstance(error, RetryLater | StreamInterrupted)


def _worth_fallback(error: Exception) -> bool:
    return is_transient(error) or isinstance(error, RetryLater) or is_model_missing(error)


def _total(spent: list[Usage]) -> Usage:
    return Usage(model=spent[-1].model, prompt_tokens=sum(u.prompt_tokens for u in spent),
                 completion_tokens=sum(u.completion_tokens for u in spent),
                 latency_ms=sum(u.latency_ms for u in spent))
