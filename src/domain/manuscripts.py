"""A document laid out for export: what every renderer (PDF, DOCX, Markdown) prints, with
citations already written in the document's style. Plain data, so it crosses into the
renderers' worker processes as it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from domain.languages import Language
from domain.title_page import TitlePage
from domain.transliteration import to_latin


class ExportFormat(StrEnum):
    """The files a document exports to: the whole document (PDF, DOCX, Markdown), rendered
    from its Manuscript, or its bibliography alone (BibTeX, RIS, CSL-JSON), written from its
    sources for reference managers."""

    PDF = "pdf"
    DOCX = "docx"
    MD = "md"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSLJSON = "csljson"

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]

    @property
    def extension(self) -> str:
        return _EXTENSIONS.get(self, self.value)

    @property
    def is_bibliography(self) -> bool:
        return self in BIBLIOGRAPHY_FORMATS


BIBLIOGRAPHY_FORMATS = frozenset({ExportFormat.BIBTEX, ExportFormat.RIS, ExportFormat.CSLJSON})
_EXTENSIONS = {ExportFormat.BIBTEX: "bib", ExportFormat.CSLJSON: "json"}
_CONTENT_TYPES = {
    ExportFormat.PDF: "application/pdf",
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ExportFormat.MD: "text/markdown; charset=utf-8",
    ExportFormat.BIBTEX: "application/x-bibtex; charset=utf-8",
    ExportFormat.RIS: "application/x-research-info-systems",
    ExportFormat.CSLJSON: "application/vnd.citationstyles.csl+json",
}


class TitlePageStyle(StrEnum):
    """GOST (GOST 7.32, DSTU 3008): the institution, faculty and department centred at the
    top, the kind and title in the middle, the author and supervisor to the right, the city
    and year at the foot. ACADEMIC: the title, the kind, then the author, institution,
    supervisor, city and year, all centred."""

    GOST = "gost"
    ACADEMIC = "academic"


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """The page: A4, margins in millimetres, body text size and line spacing, and how the
    title page is laid out."""

    margin_top_mm: int
    margin_right_mm: int
    margin_bottom_mm: int
    margin_left_mm: int
    font_size_pt: int
    line_spacing: float
    title_page: TitlePageStyle = TitlePageStyle.ACADEMIC

    @classmethod
    def academic(cls) -> Layout:
        return cls(margin_top_mm=25, margin_right_mm=25, margin_bottom_mm=25,
                   margin_left_mm=25, font_size_pt=12, line_spacing=1.5)

    @classmethod
    def gost(cls) -> Layout:
        """GOST 7.32: left 30 mm (binding), right 15 mm, top and bottom 20 mm, 14 pt."""
        return cls(margin_top_mm=20, margin_right_mm=15, margin_bottom_mm=20,
                   margin_left_mm=30, font_size_pt=14, line_spacing=1.5,
                   title_page=TitlePageStyle.GOST)


@dataclass(frozen=True, slots=True, kw_only=True)
class Labels:
    """The words a title page, a contents page and a reference list need, in the
    document's language."""

    kind: str
    author: str
    year: str
    contents: str
    references: str
    supervisor: str


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ManuscriptSection:
    index: int
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Disclosure:
    """The "About this document" page every export ends with, worded in the document's
    language (see `domain.disclosure`): `facts` are (label, value) lines (the models, the
    sources, the citation check's figures), `statement` the paragraphs that say plainly how
    the text was made and checked."""

    heading: str
    facts: tuple[tuple[str, str], ...]
    statement: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Manuscript:
    """`language` is the ISO 639-1 code (for hyphenation and the file's language tag);
    `numbered_references` says whether the bibliography entries carry their own labels
    ([n] or n.) as numeric styles do; `disclosure` is the last page, after the references.
    `author` and `year` are what the title page prints (and the file's metadata);
    `title_page` holds the page's other lines (institution, faculty, department,
    supervisor, city), each None when not given."""

    title: str
    author: str
    year: int
    language: str
    labels: Labels
    layout: Layout
    sections: tuple[ManuscriptSection, ...]
    bibliography: tuple[str, ...]
    numbered_references: bool
    disclosure: Disclosure
    title_page: TitlePage = field(default_factory=TitlePage)

    @property
    def affiliation(self) -> tuple[str, ...]:
        """The institution, faculty and department given, in that order."""
        page = self.title_page
        return tuple(line for line in (page.institution, page.faculty, page.department)
                     if line)

    @property
    def imprint(self) -> str:
        """The title page's last line: "Kyiv – 2025" (GOST) or "Kyiv, 2025"; without a
        city the year alone (GOST) or "Year: 2025"."""
        city, gost = self.title_page.city, self.layout.title_page is TitlePageStyle.GOST
        if city:
            return f"{city} – {self.year}" if gost else f"{city}, {self.year}"
        return str(self.year) if gost else f"{self.labels.year}: {self.year}"


def blocks_of(text: str) -> tuple[Block, ...]:
    """Paragraphs are separated by blank lines; a paragraph that starts with `#` marks (as
    models write Markdown subheadings) is a subheading."""
    blocks: list[Block] = []
    for part in text.replace("\r\n", "\n").split("\n\n"):
        paragraph = " ".join(part.split())
        if not paragraph:
            continue
        if paragraph.startswith("#"):
            blocks.append(Block(kind=BlockKind.SUBHEADING, text=paragraph.lstrip("#").strip()))
        else:
            blocks.append(Block(kind=BlockKind.PARAGRAPH, text=paragraph))
    return tuple(block for block in blocks if block.text)


def export_filename(title: str, format: ExportFormat) -> str:
    """A file name from the title: letters and digits of any script, other runs as `-`."""
    stem = "-".join("".join(c if c.isalnum() else " " for c in title).split())[:80]
    return f"{stem or 'document'}.{format.extension}"


def ascii_filename(filename: str, language: Language | None = None) -> str:
    """The name for clients that only read an ASCII file name: `filename` in Latin letters
    (see `to_latin`; `language` is the document's), its ASCII letters and digits kept and
    other runs as `-`; `document` when none is left."""
    stem, _, extension = filename.rpartition(".")
    ascii_stem = "-".join("".join(c if c.isascii() and c.isalnum() else " "
                                  for c in to_latin(stem, language)).split())
    return f"{ascii_stem or 'document'}.{extension}"
