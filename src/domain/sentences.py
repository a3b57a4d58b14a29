"""Where the sentences of a text begin and end: the unit that claims are checked in and that a
long section is cut at.

- A sentence ends at `.`, `!`, `?` or `…` (runs such as `?!` or `...` too), with any closing
  quotes or brackets after it, followed by white space and then something that is not a
  lower-case letter, or by the end of the text. So `3.5`, `e.g. the` and `“Why?” he asked`
  do not end a sentence.
- Markers `[n]` right after the final punctuation belong to the sentence they follow
  (`It rose. [1] Then …`), as do markers before it (`It rose [1]. Then …`).
- A single `.` after a known abbreviation (`et al.`, `Fig.`, `cf.`, `т. е.`, `рис.`, `див.`
  …), after a single letter (initials such as `A. Smith` or `О. Шевченко`) or after a dotted
  short form (`e.g.`, `U.S.`, `т.д.`) does not end a sentence.
- Inside typographic quotes (`“…”`, `«…»`, `„…“`) a sentence does not end: quoted titles
  may hold a `?`.
- A blank line always ends a sentence; so does a single line break, unless the next line
  starts with a lower-case letter (a wrapped line). Headings and list items without final
  punctuation are sentences of their own.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset((
    "al", "cf", "vs", "fig", "figs", "eq", "eqs", "vol", "vols", "pp", "ch", "chap", "sec",
    "dr", "mr", "mrs", "ms", "prof", "st", "approx", "ca", "resp", "incl", "esp", "viz", "ed",
    "eds", "nos", "jr", "sr", "dept", "univ", "tab", "suppl",
    "др", "см", "рис", "табл", "стр", "гг", "им", "ін", "див", "напр", "проф", "ст", "тыс",
    "тис", "млн", "млрд", "вип", "вып", "изд", "вид", "ред", "отв", "акад", "доц", "англ",
    "лат", "укр", "рус", "пор", "ср",
))
_END = re.compile(r"[.!?…]+[”’»\"')]*(?:\s?\[\d+\])*(?=\s|$)")
_OPENERS = {"“": "”", "«": "»", "„": "“"}


def sentences(text: str) -> list[str]:
    """The sentences of `text`, as written there (markers included)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The `(start, end)` offsets of every sentence of `text`, in order; each span starts and
    ends with a character that is not white space."""
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        spans += _split(text, start, end)
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines that belong together: a line joins the one before when only one line
    break separates them and it starts with a lower-case letter."""
    blocks: list[tuple[int, int]] = []
    for line in re.finditer(r"\S(?:[^\n]*\S)?", text):
        if blocks and text[blocks[-1][1]:line.start()].count("\n") == 1 \
                and line.group()[0].islower():
            blocks[-1] = (blocks[-1][0], line.end())
        else:
            blocks.append((line.start(), line.end()))
    return blocks


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    quotes: list[str] = []
    scanned = begin = start
    for match in _END.finditer(text, start, end):
        _follow_quotes(text[scanned:match.end()], quotes)
        scanned = match.end()
        if not quotes and _ends_sentence(text, match, end):
            spans.append((begin, match.end()))
            begin = _next_start(text, match.end(), end)
    if begin < end:
        spans.append((begin, end))
    return spans


def _follow_quotes(chunk: str, open_quotes: list[str]) -> None:
    """Track the typographic quotes left open; `“` closes a `„` and otherwise opens."""
    for char in chunk:
        if open_quotes and char == _OPENERS[open_quotes[-1]]:
            open_quotes.pop()
        elif char in _OPENERS:
            open_quotes.append(char)


def _ends_sentence(text: str, match: re.Match[str], end: int) -> bool:
    after = _next_start(text, match.end(), end)
    if after < end and text[after].islower():
        return False
    punctuation = re.match(r"[.!?…]+", match.group())
    if punctuation is None or punctuation.group() != ".":
        return True
    return not _abbreviation(_word_before(text, match.start()))


def _word_before(text: str, at: int) -> str:
    """The word (dots included, as in `e.g`) that ends at `at`."""
    start = at
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:at].strip(".").casefold()


def _abbreviation(word: str) -> bool:
    parts = word.split(".")
    if len(parts) > 1 and all(part.isalpha() and len(part) <= 2 for part in parts):
        return True
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


def _next_start(text: str, at: int, end: int) -> int:
    while at < end and text[at].isspace():
        at += 1
    return at
