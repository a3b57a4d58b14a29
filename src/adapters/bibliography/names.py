"""Author strings as search providers give them, split into CSL name parts."""

from __future__ import annotations

import re

INITIALS = re.compile(r"^(\w\.(-?\w\.)*|\w)$")  # "J.", "J.R.", "Ж.-П.", "J"
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
PARTICLES = frozenset({"al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du",
                       "el", "la", "le", "ten", "ter", "van", "von"})
ORGANISATION_WORDS = frozenset({
    "agency", "association", "centre", "center", "collaboration", "committee", "consortium",
    "council", "department", "foundation", "group", "initiative", "institute", "ministry",
    "network", "office", "organisation", "organization", "society", "team", "university",
    "інститут", "міністерство", "організація", "університет", "институт", "министерство",
    "организация", "университет",
})


def csl_name(name: str) -> dict[str, str] | None:
    """CSL-JSON parts of one author: "Given Family", "Family, Given", "Family I. I." (as
    Ukrainian and Russian sources write it), a single name, or an organisation (kept whole).
    None for a blank name."""
    words = name.split()
    if not words:
        return None
    if any(word.casefold().strip(",.") in ORGANISATION_WORDS for word in words):
        return {"literal": " ".join(words)}
    if "," in name:
        family, _, given = " ".join(words).partition(",")
        return _parts(family.split(), given.replace(",", " ").split())
    suffix = words.pop() if len(words) > 2 and words[-1].casefold() in SUFFIXES else None
    parts = _split(words)
    if suffix:
        parts["suffix"] = suffix
    return parts


def _split(words: list[str]) -> dict[str, str]:
    if len(words) == 1:
        return {"family": words[0]}
    if not INITIALS.match(words[0]) and all(INITIALS.match(word) for word in words[1:]):
        return _parts(words[:1], words[1:])
    particle = next((index for index, word in enumerate(words[1:-1], start=1)
                     if word in PARTICLES), len(words) - 1)
    return _parts(words[particle:], words[:particle])


def _parts(family: list[str], given: list[str]) -> dict[str, str]:
    suffix = given.pop() if len(given) > 1 and given[-1].casefold() in SUFFIXES else None
    parts = {"family": " ".join(family) or " ".join(given)}
    if family and given:
        parts["given"] = " ".join(given)
    if suffix:
        parts["suffix"] = suffix
    return parts
