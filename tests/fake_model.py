"""A scripted language model for use-case tests: answers what it is told to, counts calls,
and can fail like a model server that is down.

Section and outline calls are recorded in `prompts` and answered from `texts` and
`outlines`. Continuations (a `CONTINUE: yes` line) and claim checks (schema "claims") are
recorded apart, in `continuations` and `checks`, and answered from `more_texts` (else
nothing, which ends the continuing) and `verdicts` (else no verdicts: every claim stays
unverified), so tests of other rules see only the calls they are about."""

from __future__ import annotations

from collections import deque
from typing import Any

from domain.ports.language_model import (
    Completion,
    LanguageModel,
    LanguageModelUnavailable,
    Prompt,
    TextSink,
)
from domain.quota import Usage


class ScriptedLanguageModel(LanguageModel):
    json_attempts = 1

    def __init__(self) -> None:
        self.texts: deque[str] = deque()
        self.outlines: deque[dict[str, Any]] = deque()
        self.more_texts: deque[str] = deque()
        self.verdicts: deque[dict[str, Any]] = deque()
        self.prompts: list[Prompt] = []
        self.continuations: list[Prompt] = []
        self.checks: list[Prompt] = []
        self.down = False
        self.completion_tokens = 100

    def estimate_tokens(self, prompt: Prompt) -> int:
        return len((prompt.system + prompt.user).encode()) // 2 + 32

    def _usage(self, prompt: Prompt) -> Usage:
        return Usage(model="scripted", prompt_tokens=self.estimate_tokens(prompt) // 2,
                     completion_tokens=self.completion_tokens, latency_ms=1)

    async def complete(self, prompt: Prompt, *, max_tokens: int,
                       on_text: TextSink | None = None) -> Completion:
        continuing = "\nCONTINUE: yes" in prompt.user
        (self.continuations if continuing else self.prompts).append(prompt)
        if self.down:
            raise LanguageModelUnavailable
        if continuing:
            text = self.more_texts.popleft() if self.more_texts else ""
        else:
            text = self.texts.popleft() if self.texts else "Bridges carry loads [1]."
        if on_text:
            await on_text(text)
        return Completion(text=text, usage=self._usage(prompt))

    async def complete_json(self, prompt: Prompt, *, schema: dict[str, Any], schema_name: str,
                            max_tokens: int, attempts: int | None = None,
                            ) -> tuple[dict[str, Any], Completion]:
        checking = schema_name == "claims"
        (self.checks if checking else self.prompts).append(prompt)
        if self.down:
            raise LanguageModelUnavailable
        if checking:
            answer = self.verdicts.popleft() if self.verdicts else {"claims": []}
            return answer, Completion(text=str(answer), usage=self._usage(prompt))
        answer = self.outlines.popleft() if self.outlines else {"sections": [
            {"title": "Introduction", "target_words": 300},
            {"title": "Loads and materials", "target_words": 900},
            {"title": "Conclusion", "target_words": 300}]}
        return answer, Completion(text=str(answer), usage=self._usage(prompt))
