"""Citation markers `[n]` in generated text. Only markers that resolve to a numbered source
survive, so every citation in every export points at a real retrieved work."""

from __future__ import annotations

import re
from collections.abc import Collection

_DASH = "-\u2013\u2014"  # hyphen, en dash, em dash
_INSIDE = r"\d+(?:\s*(?:[,;]|[" + _DASH + r"])\s*\d+)*"
_MARKER = re.compile(r"\s?\[(" + _INSIDE + r")\]")
# Markers that stand together (`[1][2]`, `[1, 2] [3]`) are resolved as one run, so that
# dropping the first does not glue the next to the word before it.
_RUN = re.compile(r"\s?((?:\[" + _INSIDE + r"\]\s?)*\[" + _INSIDE + r"\])")
_PART = re.compile(r"(\d+)\s*[" + _DASH + r"]\s*(\d+)|(\d+)")
MAX_RANGE = 50


def _numbers(inside: str) -> list[int]:
    numbers: list[int] = []
    for low, high, single in _PART.findall(inside):
        if single:
            numbers.append(int(single))
        elif 0 <= int(high) - int(low) <= MAX_RANGE:
            numbers.extend(range(int(low), int(high) + 1))
    return numbers


def resolve_citations(text: str, known: Collection[int]) -> tuple[str, tuple[int, ...]]:
    """The text with every marker that names no known source removed, and the sources
    cited, in order of first appearance. Groups such as `[1, 3]` or `[2-4]` keep their
    resolvable numbers and are written as `[1][3]`."""
    cited: list[int] = []

    def keep(match: re.Match[str]) -> str:
        named = [n for inside in _MARKER.findall(match.group(1)) for n in _numbers(inside)]
        valid = [n for n in dict.fromkeys(named) if n in known]
        for n in valid:
            if n not in cited:
                cited.append(n)
        if not valid:
            return ""
        lead = match.group(0)[0] if match.group(0)[0].isspace() else ""
        return lead + "".join(f"[{n}]" for n in valid)

    cleaned = _RUN.sub(keep, text)
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", cleaned)
    return cleaned, tuple(cited)


def marker_numbers(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Every marker group of `text` as written (`[1, 3]`), with the numbers it names."""
    return [(match.group(0).strip(), tuple(_numbers(match.group(1))))
            for match in _MARKER.finditer(text)]


# One or more markers side by side; written with the first "[" outside the repetition, so
# the search can skip to each "[" (as "(?:\[\d+\])+" it ran five times slower).
_GROUP = re.compile(r"\[\d+\](?:\[\d+\])*")


def citation_groups(text: str) -> list[tuple[int, ...]]:
    """The groups of markers that stand together in saved text (`[1][3]` is one group), in
    order; saved text writes every marker as `[n]`, see `resolve_citations`."""
    return [tuple(int(n) for n in re.findall(r"\d+", group))
            for group in _GROUP.findall(text)]


def replace_citation_groups(text: str, rendered: list[str]) -> str:
    """The text with each group of markers replaced, in order, by its rendered citation; a
    group rendered as "" disappears with the space before it."""
    # As re.sub(r"(\s?)(?:\[\d+\])+", ...) would, but splitting on the groups: that pattern
    # is tried at every character (it starts with an optional space), and a callback per
    # group adds the rest: 8 ms for a 30,000-word text, on the event loop of an export.
    segments = _GROUP.split(text)  # the text around the groups: one more than the groups
    if len(rendered) < len(segments) - 1:
        raise ValueError("fewer rendered citations than groups of markers")
    parts = [segments[0]]
    for form, after in zip(rendered, segments[1:], strict=False):
        if not form and parts[-1][-1:].isspace():
            parts[-1] = parts[-1][:-1]  # the space before a group that disappears goes too
        parts.append(form)
        parts.append(after)
    return "".join(parts)
