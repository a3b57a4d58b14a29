"""A deterministic language model without any network, for the embedded default.

Every text it writes starts with a label such as "[Offline draft — generated without a
language model]" (in the document's language for en, uk, ru, de, fr, es, it, pl, pt).

It follows the machine-readable lines that the prompt builder puts in the *user* prompt, one
per line, `KEY: value` at the start of the line (other lines are ignored; when a key comes
twice the last line wins, so user-given text placed earlier cannot override the builder):

    TOPIC: <text>             what the document is about
    TITLE: <text>             the document's title (optional)
    LANGUAGE: <code>          ISO 639-1 code of the document's language (default en)
    TARGET_WORDS: <int>       words wanted: the section's budget, or the document's for outlines
    SECTION_TITLE: <text>     the section being written (section prompts)
    SECTION_COUNT: <int>      how many sections an outline has (outline prompts; default 5)
    SOURCES:                  followed by the numbered sources, one per line:
    [1] Title (2019)          `[n] Title (Year)`; the year may be `n.d.`; a trailing
    [2] Title (n.d.) - Names  ` - authors` is allowed; the list ends at the first other line

`complete` writes about TARGET_WORDS words (never more than `max_tokens`) about the
section title and topic, citing one to three listed sources per paragraph with `[n]`, and
never a number that is not listed. `complete_json` fills the schema from these lines (see
`offline_outline.py`): for the outline schema, SECTION_COUNT sections whose word budgets
add up to TARGET_WORDS. For the claims schema it answers with the offline word-overlap
check of `offline_check.py` instead. With `CONTINUE: yes` a section prompt asks for a
continuation: about TARGET_WORDS more words, without the label. Usage counts words as
tokens, under the model name "offline".
"""

from __future__ import annotations

import json
from typing import Any

from adapters.llm.json_schema import schema_errors
from adapters.llm.offline_brief import read_brief
from adapters.llm.offline_check import check_claims
from adapters.llm.offline_outline import fill_schema
from adapters.llm.offline_prose import write_section
from adapters.llm.tokens import estimate_prompt_tokens
from domain.claims import CLAIMS_SCHEMA_NAME
from domain.ports.language_model import (
    Completion,
    InvalidModelOutput,
    LanguageModel,
    Prompt,
    TextSink,
)
from domain.quota import Usage

MODEL_NAME = "offline"


class OfflineLanguageModel(LanguageModel):
    """Writes labelled placeholder text that follows the prompt's facts; same prompt, same
    answer."""

    json_attempts = 1

    async def complete(self, prompt: Prompt, *, max_tokens: int,
                       on_text: TextSink | None = None) -> Completion:
        paragraphs = write_section(read_brief(prompt.user), max_words=max_tokens)
        if on_text:
            for at, paragraph in enumerate(paragraphs):
                await on_text(paragraph if at == 0 else "\n\n" + paragraph)
        text = "\n\n".join(paragraphs)
        return Completion(text=text, usage=_usage(prompt, len(text.split())))

    async def complete_json(self, prompt: Prompt, *, schema: dict[str, Any], schema_name: str,
                            max_tokens: int, attempts: int | None = None,
                            ) -> tuple[dict[str, Any], Completion]:
        value = (check_claims(prompt.user) if schema_name == CLAIMS_SCHEMA_NAME
                 else fill_schema(schema, read_brief(prompt.user)))
        errors = schema_errors(value, schema)
        if errors or not isinstance(value, dict):
            raise InvalidModelOutput(f"The offline model cannot answer '{schema_name}': "
                                     + "; ".join(errors or ["the schema is not an object"]))
        text = json.dumps(value, ensure_ascii=False)
        return value, Completion(text=text,
                                 usage=_usage(prompt, min(max_tokens, len(text.split()))))

    def estimate_tokens(self, prompt: Prompt) -> int:
        return estimate_prompt_tokens(prompt)


def _usage(prompt: Prompt, completion_words: int) -> Usage:
    prompt_words = len(prompt.system.split()) + len(prompt.user.split())
    return Usage(model=MODEL_NAME, prompt_tokens=prompt_words,
                 completion_tokens=completion_words, latency_ms=0)
