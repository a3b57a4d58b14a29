"""Sources as a BibTeX file, through bibtexparser's model and writer.

Text is escaped for LaTeX with pylatexenc's table: the characters LaTeX reads as commands
(`& % $ # _ { } ~ ^ \\ < > |`) always, accented Latin letters and typographic punctuation as
the usual macros ({\\"u}, {\\L}, {\\textemdash}), each in braces so BibTeX sorts and
case-changes them as one letter; pairs TeX would join into one glyph ("--", "``") are kept
apart. Every other character (Cyrillic, Greek, CJK) stays UTF-8: its LaTeX macros need
special font encodings and reference managers do not read them back, while Zotero, Mendeley,
JabRef, Biber and LaTeX itself read a UTF-8 file. DOIs and URLs are written as they are
(BibTeX styles print them verbatim), their braces and backslashes percent-encoded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from bibtexparser import Library, write_string  # type: ignore[attr-defined]
from bibtexparser.middlewares import AddEnclosingMiddleware, MergeCoAuthors, MergeNameParts
from bibtexparser.middlewares.names import NameParts
from bibtexparser.model import Block, Entry, Field
from bibtexparser.writer import BibtexFormat
from pylatexenc.latex2text import LatexNodes2Text  # type: ignore[import-untyped]
from pylatexenc.latexencode import get_builtin_uni2latex_dict  # type: ignore[import-untyped]

from adapters.bibliography.citation_keys import citation_keys
from adapters.bibliography.names import csl_name
from adapters.bibliography.work_kinds import WorkKind, kind_of
from domain.documents import Source

ENTRY_TYPES = {WorkKind.ARTICLE: "article", WorkKind.PAPER: "inproceedings",
               WorkKind.WEB_PAGE: "misc", WorkKind.OTHER: "misc"}
VENUE_FIELDS = {WorkKind.ARTICLE: "journal", WorkKind.PAPER: "booktitle"}
LATEX_SPECIALS = {"\\": r"\textbackslash", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "~": r"\textasciitilde", "^": r"\textasciicircum",
                  "<": r"\textless", ">": r"\textgreater", "|": r"\textbar"}
BALANCED_BRACES = {"{": r"\{", "}": r"\}"}
# BibTeX counts `\{` as a brace too: a lone one would end the field early.
LONE_BRACES = {"{": r"\textbraceleft", "}": r"\textbraceright"}
LATIN_RANGES = (range(0x00A0, 0x0250), range(0x1E00, 0x1F00), range(0x2000, 0x2070))
# Pairs TeX sets as one glyph ("--" as an en dash, "``" as an opening quote): "{}" between
# keeps both characters as they were.
LIGATURES = re.compile(r"(?P<ligature>(?P<twice>[-'`,])(?=(?P=twice))|[?!](?=`))")
BRACES = re.compile(r"[{}]")
VERBATIM_ESCAPES = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})
AND = re.compile(r"\band\b", re.IGNORECASE)  # BibTeX's separator of names


def bibtex_file(sources: Sequence[Source]) -> str:
    """One entry per source, in order; an empty string for no sources."""
    entries: list[Block] = [_entry(source, key) for source, key
                            in zip(sources, citation_keys(sources), strict=True)]
    if not entries:
        return ""
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent, layout.value_column, layout.block_separator = "  ", "auto", "\n"
    stack = [MergeNameParts(style="last"), MergeCoAuthors(),
             AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=False,
                                    default_enclosing="{")]
    text: str = write_string(Library(entries), unparse_stack=stack, bibtex_format=layout)
    return text


def _entry(source: Source, key: str) -> Entry:
    kind = kind_of(source)
    fields = []
    authors = [parts for parts in map(_name_parts, source.authors) if parts is not None]
    if authors:
        fields.append(Field("author", authors))
    # The title in braces of its own: styles leave its capitals as written.
    fields.append(Field("title", "{" + latex(source.title) + "}"))
    if source.venue:
        fields.append(Field(VENUE_FIELDS[kind], latex(source.venue)))
    if source.year is not None:
        fields.append(Field("year", str(source.year)))
    if source.doi:
        fields.append(Field("doi", _verbatim(source.doi)))
    if source.url:
        fields.append(Field("url", _verbatim(source.url)))
    if source.abstract:
        fields.append(Field("abstract", latex(source.abstract)))
    return Entry(ENTRY_TYPES[kind], key, fields)


def _name_parts(name: str) -> NameParts | None:
    parts = csl_name(name)
    if parts is None:
        return None
    if "literal" in parts:  # an organisation: one name, never split
        return NameParts(last=["{" + latex(parts["literal"]) + "}"])
    return NameParts(first=_protected(parts.get("given")), last=_protected(parts["family"]),
                     jr=_protected(parts.get("suffix")))


def _protected(part: str | None) -> list[str]:
    """A name part as BibTeX reads it whole: braced when it holds a word "and"."""
    if not part:
        return []
    text = latex(part)
    return ["{" + text + "}" if AND.search(part) else text]


def latex(text: str) -> str:
    """`text` on one line, escaped for LaTeX as the module says."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))  # "u" + "¨" is "ü"
    escapes = _escapes(_balanced(text))
    return escapes.pattern.sub(
        lambda match: match.group() + "{}" if match.group("ligature")
        else escapes.macros[match.group()], text)


def _verbatim(text: str) -> str:
    """A DOI or URL as it is, but for the characters that would end the field early, in the
    percent-encoding URLs have for them."""
    return "".join(text.split()).translate(VERBATIM_ESCAPES)


def _balanced(text: str) -> bool:
    depth = 0
    for brace in BRACES.findall(text):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


@dataclass(frozen=True, slots=True)
class _Escapes:
    macros: dict[str, str]
    pattern: re.Pattern[str]


@cache
def _escapes(balanced_braces: bool) -> _Escapes:
    """Each character to escape with its macro in braces, and a pattern that finds them. (Not
    pylatexenc's own encoder, which looks at one character at a time in Python: the abstracts
    of 120 sources took it 0.3 s, the pattern 20 ms.)"""
    specials = {**LATEX_SPECIALS, **(BALANCED_BRACES if balanced_braces else LONE_BRACES)}
    macros = {c: "{" + macro + "}" for c, macro in (specials | _latin_letters()).items()}
    characters = "[" + "".join(map(re.escape, macros)) + "]"
    return _Escapes(macros, re.compile(f"{LIGATURES.pattern}|{characters}"))


@cache
def _latin_letters() -> dict[str, str]:
    """pylatexenc's macros for accented Latin letters and punctuation, but only those it
    reads back as the same character: its table writes a few wrongly (Ű as \\'U), and a
    reader that cannot tell what a macro meant would lose the letter."""
    builtin = get_builtin_uni2latex_dict()
    decode = LatexNodes2Text().latex_to_text
    return {chr(code): macro for block in LATIN_RANGES for code in block
            if (macro := builtin.get(code)) is not None
            and decode("{" + macro + "}") == chr(code)}
