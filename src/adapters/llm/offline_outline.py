"""Structured answers of the offline model: any schema of the supported subset (see
`json_schema.py`) filled from the brief. The first array gets SECTION_COUNT items; in its
items, title-like strings are section titles and integers named like `*word*` are word
budgets that add up to TARGET_WORDS; a section's `brief` names what it covers and its
`queries` are the topic, then its title with the topic (what the offline finder can
match; a bare title such as "Introduction" would only find works about introductions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from adapters.llm.offline_brief import Brief
from adapters.llm.offline_phrases import phrases_for

_TITLE_KEYS = ("title", "heading", "name")


@dataclass(frozen=True, slots=True)
class _Slot:
    key: str = ""
    index: int | None = None
    count: int = 1
    section: int | None = None  # the item of the outer array a nested value belongs to


def fill_schema(schema: dict[str, Any], brief: Brief) -> Any:
    return _fill(schema, brief, _Slot())


def section_titles(brief: Brief, count: int) -> list[str]:
    """Introduction, body sections and conclusion, in the brief's language."""
    phrases = phrases_for(brief.language)
    if count == 1:
        return [brief.title]
    bodies = [title.format(topic=brief.topic) for title in phrases.body_titles]
    middle = [bodies[i % len(bodies)] + (f" ({i // len(bodies) + 1})" if i >= len(bodies) else "")
              for i in range(count - 2)]
    return [phrases.introduction, *middle, phrases.conclusion]


def word_budgets(total: int, count: int) -> list[int]:
    share, extra = divmod(total, count)
    return [share + (1 if i < extra else 0) for i in range(count)]


def _fill(schema: dict[str, Any], brief: Brief, slot: _Slot) -> Any:
    if schema.get("enum"):
        return schema["enum"][0]
    fill = _FILLERS.get(schema.get("type", ""))
    return fill(schema, brief, slot) if fill else None


def _object(schema: dict[str, Any], brief: Brief, slot: _Slot) -> dict[str, Any]:
    properties: dict[str, Any] = schema.get("properties", {})
    return {key: _fill(sub, brief, _Slot(key, slot.index, slot.count))
            for key, sub in properties.items()}


def _array(schema: dict[str, Any], brief: Brief, slot: _Slot) -> list[Any]:
    count = max(schema.get("minItems", 0), min(brief.section_count, schema.get("maxItems", 99)))
    items = schema.get("items", {})
    section = slot.index if slot.index is not None else slot.section
    return [_fill(items, brief, _Slot(slot.key, index, count, section))
            for index in range(count)]


def _text(schema: dict[str, Any], brief: Brief, slot: _Slot) -> str:
    if "quer" in slot.key.lower() and slot.section is not None:
        title = section_titles(brief, brief.section_count)[slot.section % brief.section_count]
        text = [brief.topic, f"{title} {brief.topic}"][(slot.index or 0) % 2]
    elif slot.key.lower() == "brief" and slot.index is not None:
        title = section_titles(brief, slot.count)[slot.index]
        text = f"{phrases_for(brief.language).label} {title}: {brief.topic}"
    elif any(key in slot.key.lower() for key in _TITLE_KEYS):
        text = brief.title if slot.index is None else section_titles(brief, slot.count)[slot.index]
    else:
        text = f"{phrases_for(brief.language).label} {brief.topic}"
    text = text[:schema.get("maxLength", len(text))]
    return text.ljust(schema.get("minLength", 0), ".")


def _number(schema: dict[str, Any], brief: Brief, slot: _Slot) -> int:
    if "word" in slot.key.lower():
        value = (brief.target_words if slot.index is None
                 else word_budgets(brief.target_words, slot.count)[slot.index])
    elif slot.index is not None and slot.key.lower() in ("index", "number", "position", "n"):
        value = slot.index + 1
    else:
        value = 1
    return int(min(max(value, schema.get("minimum", value)), schema.get("maximum", value)))


_FILLERS: dict[str, Callable[[dict[str, Any], Brief, _Slot], Any]] = {
    "object": _object, "array": _array, "string": _text, "integer": _number, "number": _number,
    "boolean": lambda _schema, _brief, _slot: False,
}
