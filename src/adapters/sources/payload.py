"""Defensive reads of provider JSON: a missing or mistyped field is absent, never a crash."""

from __future__ import annotations

from typing import Any

# Real abstracts run to a few thousand characters; anything far longer is not an abstract
# (a full text pasted in, a broken record) and would only bloat prompts.
MAX_ABSTRACT_CHARS = 6_000


def text(value: Any) -> str | None:
    """A non-blank string, stripped and with runs of whitespace collapsed."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def count(value: Any) -> int | None:
    """A non-negative integer (a citation count), else None."""
    number = year(value)
    return number if number is not None and number >= 0 else None


def abstract(value: Any) -> str | None:
    """`text`, cut at a word boundary to at most MAX_ABSTRACT_CHARS (no ellipsis: quotes
    checked against the abstract must still occur in it verbatim)."""
    cleaned = text(value)
    if cleaned is None or len(cleaned) <= MAX_ABSTRACT_CHARS:
        return cleaned
    return cleaned[:MAX_ABSTRACT_CHARS + 1].rsplit(" ", 1)[0] or None


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def records(value: Any) -> list[dict[str, Any]]:
    """The dict entries of a JSON list; anything else in it is skipped."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def names(values: list[str | None]) -> tuple[str, ...]:
    return tuple(name for name in values if name)
