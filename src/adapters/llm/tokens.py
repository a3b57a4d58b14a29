"""Cheap, safe upper bounds of token counts, without downloading a tokenizer."""

from __future__ import annotations

from math import ceil

from domain.ports.language_model import Prompt

MESSAGE_OVERHEAD = 16


def estimate_text_tokens(text: str) -> int:
    """At most one token per two UTF-8 bytes: real tokenizers average three to four bytes per
    token for Latin text and about two for Cyrillic or CJK."""
    return ceil(len(text.encode()) / 2)


def estimate_prompt_tokens(prompt: Prompt) -> int:
    """An upper bound of what the server will count for the system and the user message."""
    parts = (prompt.system, prompt.user)
    return sum(estimate_text_tokens(part) + MESSAGE_OVERHEAD for part in parts)
