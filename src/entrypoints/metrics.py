"""Prometheus metrics beyond HTTP: model calls and their tokens and latency."""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Histogram

from domain.ports.language_model import Completion, LanguageModel, Prompt, TextSink

LLM_CALLS = Counter("tesigo_llm_calls_total", "Language model calls", ["kind", "outcome"])
LLM_TOKENS = Counter("tesigo_llm_tokens_total", "Tokens used by the language model",
                     ["model", "direction"])
LLM_LATENCY = Histogram("tesigo_llm_latency_seconds", "Language model call latency", ["model"],
                        buckets=(0.5, 1, 2, 5, 10, 20, 40, 80, 160))


class ObservedLanguageModel(LanguageModel):
    """Counts every call of the model it wraps: outcome, tokens and latency."""

    def __init__(self, inner: LanguageModel) -> None:
        self._inner = inner
        self.json_attempts = inner.json_attempts

    def estimate_tokens(self, prompt: Prompt) -> int:
        return self._inner.estimate_tokens(prompt)

    async def complete(self, prompt: Prompt, *, max_tokens: int,
                       on_text: TextSink | None = None) -> Completion:
        try:
            completion = await self._inner.complete(prompt, max_tokens=max_tokens,
                                                    on_text=on_text)
        except Exception:
            LLM_CALLS.labels("text", "failed").inc()
            raise
        self._observe("text", completion)
        return completion

    async def complete_json(self, prompt: Prompt, *, schema: dict[str, Any], schema_name: str,
                            max_tokens: int, attempts: int | None = None,
                            ) -> tuple[dict[str, Any], Completion]:
        try:
            answer, completion = await self._inner.complete_json(
                prompt, schema=schema, schema_name=schema_name, max_tokens=max_tokens,
                attempts=attempts)
        except Exception:
            LLM_CALLS.labels("json", "failed").inc()
            raise
        self._observe("json", completion)
        return answer, completion

    @staticmethod
    def _observe(kind: str, completion: Completion) -> None:
        usage = completion.usage
        LLM_CALLS.labels(kind, "ok").inc()
        LLM_TOKENS.labels(usage.model, "prompt").inc(usage.prompt_tokens)
        LLM_TOKENS.labels(usage.model, "completion").inc(usage.completion_tokens)
        LLM_LATENCY.labels(usage.model).observe(usage.latency_ms / 1000)

WEBHOOKS = Counter("tesigo_webhooks_total", "Payment provider webhook deliveries", ["result"])
