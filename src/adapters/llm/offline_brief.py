"""The machine-readable `KEY: value` lines of a prompt that the offline model follows (see
`offline_model.py` for the convention)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_LINE = re.compile(r"^([A-Z_]+):[ \t]*(.*)$")
_SOURCE = re.compile(r"^\[(\d+)\]\s*(.+)$")
_TITLE_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4}|n\.d\.)\)(?:\s+-\s+.*)?$")


@dataclass(frozen=True, slots=True)
class ListedSource:
    n: int
    title: str
    year: str | None
    abstract: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    topic: str
    title: str
    section_title: str | None
    language: str
    target_words: int
    section_count: int
    sources: tuple[ListedSource, ...]
    continuing: bool = False
    rewrite: str = ""  # what a rewrite was asked to do: the same prompt otherwise

    @property
    def subject(self) -> str:
        return self.section_title or self.title


def read_brief(text: str, *, default_words: int = 300, default_sections: int = 5) -> Brief:
    """The facts stated in `text`; a missing line takes a sensible default. The last line of
    a key wins: the prompt builder writes its lines after any user-given text."""
    facts: dict[str, str] = {}
    sources: list[ListedSource] = []
    abstracts: dict[int, str] = {}
    lines = text.splitlines()
    for at, line in enumerate(lines):
        match = _LINE.match(line.strip())
        if match is None:
            continue
        key, value = match.groups()
        facts[key] = value.strip()
        if key == "SOURCES":
            sources = _sources(lines[at + 1:])
        if key == "ABSTRACTS":
            abstracts = _numbered_lines(lines[at + 1:])
    first_line = next((line.strip() for line in lines if line.strip()), "")
    topic = facts.get("TOPIC") or facts.get("TITLE") or first_line[:80] or "the topic"
    return Brief(topic=topic, title=facts.get("TITLE") or topic,
                 section_title=facts.get("SECTION_TITLE") or None,
                 language=(facts.get("LANGUAGE") or "en").lower()[:2],
                 target_words=_number(facts.get("TARGET_WORDS"), default_words),
                 section_count=_number(facts.get("SECTION_COUNT"), default_sections),
                 sources=tuple(replace(s, abstract=abstracts.get(s.n)) for s in sources),
                 continuing=facts.get("CONTINUE", "").lower() == "yes",
                 rewrite=facts.get("REWRITE_INSTRUCTIONS", ""))


def _sources(lines: list[str]) -> list[ListedSource]:
    """The `[n] Title (Year)` lines right after `SOURCES:` (blank lines allowed)."""
    found: list[ListedSource] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        match = _SOURCE.match(stripped)
        if match is None:
            break
        described = _TITLE_YEAR.match(match.group(2))
        title, year = described.group("title", "year") if described else (match.group(2), None)
        found.append(ListedSource(int(match.group(1)), title.strip(), year))
    return found


def _numbered_lines(lines: list[str]) -> dict[int, str]:
    """The `[n] text` lines right after a key such as `ABSTRACTS:`."""
    found: dict[int, str] = {}
    for line in lines:
        match = _SOURCE.match(line.strip())
        if match is None:
            if line.strip():
                break
            continue
        found[int(match.group(1))] = match.group(2).strip()
    return found


def _number(value: str | None, default: int) -> int:
    try:
        return max(1, int(value)) if value else default
    except ValueError:
        return default
