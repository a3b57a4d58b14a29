"""Citation keys for bibliography files: ASCII, unique in the file, made as people make them
by hand: the first author's family name and the year ("Shevchenko2021")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import count
from string import ascii_lowercase

from adapters.bibliography.names import PARTICLES, csl_name
from domain.documents import Source
from domain.transliteration import to_latin

MAX_NAME = 40
FALLBACK = "source"


def citation_keys(sources: Sequence[Source]) -> list[str]:
    """One key per source, in order: the first author's family name in Latin letters (Cyrillic
    transliterated, accents dropped, particles such as "van" left out), else the first word of
    the title, then the year. Sources that would share a key get a, b, c… after it
    ("Smith2020a", "Smith2020b"), in source order."""
    bases = [_base(source) for source in sources]
    shared = Counter(bases)
    taken = {base for base, times in shared.items() if times == 1}
    keys: list[str] = []
    for base in bases:
        if shared[base] == 1:
            keys.append(base)
            continue
        key = next(key for key in _suffixed(base) if key not in taken)
        taken.add(key)
        keys.append(key)
    return keys


def _base(source: Source) -> str:
    year = "" if source.year is None else str(source.year)
    return f"{_name(source) or FALLBACK}{year}"


def _name(source: Source) -> str:
    for author in source.authors:
        parts = csl_name(author)
        if parts is None:
            continue
        family = parts.get("family") or " ".join(parts.get("literal", "").split()[:1])
        words = [word for word in family.split() if word.casefold() not in PARTICLES]
        if name := _ascii_letters(" ".join(words or family.split()), source):
            return name
    return next(filter(None, (_ascii_letters(word, source) for word in source.title.split())),
                "")


def _ascii_letters(text: str, source: Source) -> str:
    """`text` in Latin letters, transliterated along with the source's title and venue: their
    letters tell Russian from Ukrainian ("Колмогоров" of "Проблемы передачи информации" is
    Kolmogorov, not Kolmohorov)."""
    latin = to_latin(f"{text}\n{source.title} {source.venue or ''}").split("\n", 1)[0]
    return "".join(c for c in latin if c.isascii() and c.isalpha())[:MAX_NAME]


def _suffixed(base: str) -> Iterator[str]:
    """base + a … z, then aa, ab, …"""
    for width in count(1):
        letters = [""]
        for _ in range(width):
            letters = [prefix + letter for prefix in letters for letter in ascii_lowercase]
        yield from (base + suffix for suffix in letters)
