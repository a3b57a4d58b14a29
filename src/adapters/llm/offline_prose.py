"""Deterministic filler prose for the offline model: plausible, clearly labelled, grounded
only in the sources listed in the prompt."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TypeVar

from adapters.llm.offline_brief import Brief, ListedSource
from adapters.llm.offline_phrases import Phrases, phrases_for

T = TypeVar("T")


class Picker:
    """Choices drawn from a hash of the seed, so that the same prompt gives the same text."""

    def __init__(self, *seed: object) -> None:
        self._seed, self._drawn = "\x1f".join(map(str, seed)), 0

    def below(self, n: int) -> int:
        self._drawn += 1
        digest = hashlib.sha256(f"{self._seed}\x1e{self._drawn}".encode()).digest()
        return int.from_bytes(digest[:8], "big") % n

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        pool, drawn = list(items), []
        for _ in range(min(k, len(pool))):
            drawn.append(pool.pop(self.below(len(pool))))
        return drawn


def write_section(brief: Brief, *, max_words: int, label: str | None = None) -> list[str]:
    """The label, then paragraphs of about `brief.target_words` words in all (never more than
    `max_words`); each paragraph cites one to three of the listed sources with `[n]`. A
    continuation (`brief.continuing`) has no label: it follows labelled text."""
    phrases = phrases_for(brief.language)
    picker = Picker(brief.topic, brief.subject, brief.language, brief.target_words,
                    [source.n for source in brief.sources],
                    *(("continued",) if brief.continuing else ()),
                    *((brief.rewrite,) if brief.rewrite else ()))
    paragraphs = [] if brief.continuing else [label or phrases.label]
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    budget = min(brief.target_words, max_words)
    while words < budget:
        paragraph = _paragraph(phrases, brief, picker, room=budget - words)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return _truncated(paragraphs, max_words)


def _paragraph(phrases: Phrases, brief: Brief, picker: Picker, *, room: int) -> str:
    length = 4 + picker.below(3)
    cited = picker.sample(brief.sources, 1 + picker.below(3))
    citing_at = {0, *picker.sample(range(1, length), len(cited) - 1)} if cited else set()
    sources = iter(cited)
    plain = picker.sample(phrases.sentences, len(phrases.sentences))
    sentences: list[str] = []
    words = 0
    for at in range(length):
        if words >= room:
            break
        source = next(sources, None) if at in citing_at else None
        sentence = _sentence(phrases, brief, picker, plain[at % len(plain)], source)
        sentences.append(sentence)
        words += len(sentence.split())
    return " ".join(sentences)


def _sentence(phrases: Phrases, brief: Brief, picker: Picker, plain: str,
              source: ListedSource | None) -> str:
    """A plain sentence cites nothing; a source is cited only for what its abstract says."""
    if source is None:
        return _fill(plain, brief) + "."
    finding = _finding(source.abstract)
    template = phrases.read_source if finding else phrases.unread_source
    return f"{_fill(template, brief, source.title, finding)} [{source.n}]."


def _finding(abstract: str | None, most_words: int = 30) -> str:
    """The abstract's first sentence (at most `most_words` words), without its full stop."""
    if not abstract:
        return ""
    first = re.split(r"(?<=[.!?])\s+", abstract.strip(), maxsplit=1)[0]
    words = first.split()[:most_words]
    return " ".join(words).rstrip(".!?…")


def _fill(template: str, brief: Brief, source: str = "", finding: str = "") -> str:
    return template.format(topic=brief.topic, subject=brief.subject, source=source,
                           finding=finding)


def _truncated(paragraphs: list[str], max_words: int) -> list[str]:
    kept: list[str] = []
    room = max_words
    for paragraph in paragraphs:
        words = paragraph.split()
        if len(words) > room:
            if room > 0:
                kept.append(" ".join(words[:room]) + "…")
            break
        kept.append(paragraph)
        room -= len(words)
    return kept
