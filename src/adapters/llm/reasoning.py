"""Reasoning blocks (`<think>…</think>`, `<thinking>…</thinking>`) that some models put in
their answer: stripped from the text, also when the tags are split across stream chunks."""

from __future__ import annotations

import re

_OPEN = re.compile(r"<(think|thinking)>", re.IGNORECASE)
_TAGS = ("<think>", "<thinking>", "</think>", "</thinking>")
_STRAY_CLOSE = re.compile(r"</(think|thinking)>", re.IGNORECASE)


class ReasoningFilter:
    """Feed chunks in order; each `feed` returns the visible text that is safe to show now.
    Text that might be the start of a tag is held back until the next chunk decides. A block
    still open at `finish` (the model stopped while reasoning) is dropped, and the answer's
    leading whitespace is never shown."""

    def __init__(self) -> None:
        self._pending = ""
        self._closing: re.Pattern[str] | None = None
        self._started = False

    def feed(self, chunk: str) -> str:
        self._pending += chunk
        shown: list[str] = []
        while True:
            if self._closing is not None:
                match = self._closing.search(self._pending)
                if match is None:
                    self._pending = self._pending[_partial_tag_start(self._pending):]
                    break
                self._pending, self._closing = self._pending[match.end():], None
                continue
            match = _OPEN.search(self._pending)
            if match is None:
                cut = _partial_tag_start(self._pending)
                shown.append(self._pending[:cut])
                self._pending = self._pending[cut:]
                break
            shown.append(self._pending[:match.start()])
            self._pending = self._pending[match.end():]
            self._closing = re.compile(f"</{match.group(1)}>", re.IGNORECASE)
        return self._show("".join(shown))

    def finish(self) -> str:
        rest, self._pending = ("" if self._closing else self._pending), ""
        return self._show(rest)

    def _show(self, text: str) -> str:
        text = _STRAY_CLOSE.sub("", text)
        if not self._started:
            text = text.lstrip()
            self._started = bool(text)
        return text


def _partial_tag_start(text: str) -> int:
    """Where a tag that the next chunk may complete begins at the end of `text`, or len."""
    start = text.rfind("<")
    if start >= 0 and any(tag.startswith(text[start:].lower()) for tag in _TAGS):
        return start
    return len(text)


def strip_reasoning(text: str) -> str:
    """The answer without reasoning blocks and without surrounding whitespace."""
    reasoning = ReasoningFilter()
    return (reasoning.feed(text) + reasoning.finish()).strip()
