"""A scripted model that makes a generation as costly as the estimate says it can be: it
plans the sections asked for with the longest titles and briefs, writes each section one
word short of long enough twice (so it is continued twice), then up to the most words a
section keeps, every sentence citing two of the sources with abstracts it was given, in
words as long as the estimate allows; every answer reports more tokens than were reserved,
so each call is charged all it reserved."""

from __future__ import annotations

import re
from typing import Any

from tests.fake_model import ScriptedLanguageModel

from application.generation.prompts import BRIEF_CHARS
from application.generation.worst_case import CITES_PER_SENTENCE, SENTENCE_WORDS, WORD_BYTES
from domain.length import least_words, most_words
from domain.outline import TITLE_MAX
from domain.ports.language_model import Completion, Prompt, TextSink

_TARGET = re.compile(r"^TARGET_WORDS: (\d+)$", re.MULTILINE)
_COUNT = re.compile(r"^SECTION_COUNT: (\d+)$", re.MULTILINE)
_ABSTRACT = re.compile(r"^\[(\d+)\] ", re.MULTILINE)
WORD = "X" * (WORD_BYTES - 1)


def cited_text(words: int, numbers: list[int]) -> str:
    """`words` words, a sentence a line, each citing the next numbers in turn."""
    lines, at = [], 0
    for start in range(0, words, SENTENCE_WORDS):
        cited = [numbers[(at + i) % len(numbers)] for i in range(CITES_PER_SENTENCE)]
        at += CITES_PER_SENTENCE
        markers = "".join(f"[{n}]" for n in dict.fromkeys(cited))
        lines.append(" ".join([WORD] * min(SENTENCE_WORDS, words - start)) + markers + ".")
    return "\n".join(lines)


class MaximalModel(ScriptedLanguageModel):
    def __init__(self) -> None:
        super().__init__()
        self.completion_tokens = 10**8

    async def complete(self, prompt: Prompt, *, max_tokens: int,
                       on_text: TextSink | None = None) -> Completion:
        continuing = "\nCONTINUE: yes" in prompt.user
        (self.continuations if continuing else self.prompts).append(prompt)
        targets = [int(n) for n in _TARGET.findall(prompt.user)]
        budget, numbers = targets[0], self._with_abstracts(prompt.user)
        short = least_words(budget) - 1
        if not continuing:
            words = short - 1
        else:
            written = budget - targets[-1]
            words = 1 if written < short else most_words(budget) - written
        return Completion(text=cited_text(max(1, words), numbers), usage=self._usage(prompt))

    async def complete_json(self, prompt: Prompt, *, schema: dict[str, Any], schema_name: str,
                            max_tokens: int, attempts: int | None = None,
                            ) -> tuple[dict[str, Any], Completion]:
        if schema_name == "claims":
            self.checks.append(prompt)
            return {"claims": []}, Completion(text="{}", usage=self._usage(prompt))
        self.prompts.append(prompt)
        count = int(_COUNT.search(prompt.user).group(1))  # type: ignore[union-attr]
        answer = {"sections": [
            {"title": f"{i:03d}" + "T" * (TITLE_MAX - 3), "target_words": 100,
             "brief": "B" * BRIEF_CHARS, "queries": ["bridges", "loads", "steel"]}
            for i in range(count)]}
        return answer, Completion(text=str(answer), usage=self._usage(prompt))

    @staticmethod
    def _with_abstracts(user: str) -> list[int]:
        """The numbers of the sources listed with an abstract in a section's prompt."""
        block = user.split("\nABSTRACTS:\n", 1)[1].split("\nOUTLINE:\n", 1)[0]
        return [int(n) for n in _ABSTRACT.findall(block)]
