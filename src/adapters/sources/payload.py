"""Defensive reads of provider JSON: a missing or mistyped field is absent, never a crash."""

from __future__ import annotations

from typing import Any


def text(value: Any) -> str | None:
    """A non-blank string, stripped and with runs of whitespace collapsed."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def records(value: Any) -> list[dict[str, Any]]:
    """The dict entries of a JSON list; anything else in it is skipped."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def names(values: list[str | None]) -> tuple[str, ...]:
    return tuple(name for name in values if name)
