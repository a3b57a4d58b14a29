from abc import abstractmethod
from collections.abc import Sequence
from typing import Protocol

from domain.documents import CitationStyle, Source
from domain.languages import Language
from domain.manuscripts import ExportFormat


class BibliographyFormatter(Protocol):
    """Formats reference-list entries in a citation style.

    `format` returns one plain-text entry per source, in the order the style wants (numeric
    styles keep the sources' order and label each entry with the source's own `n`, so it
    matches the `[n]` markers in the text; author-date styles sort by author), with labels in
    the document's language where the style has them. It is CPU work: adapters keep it off the
    event loop.

    `cite` returns the in-text citation of each group of source numbers (the `[n]` markers
    that stand together in a text), in the style and language: author–date styles name
    authors and years ("(Smith & Jones, 2020; Brown, n.d.)"), MLA names authors, numeric
    styles keep the sources' own numbers ("[1], [3]" in IEEE, "[1, 3]" in GOST). Unknown
    numbers are left out; a group with none gives "".
    """

    @abstractmethod
    async def format(self, sources: Sequence[Source], style: CitationStyle,
                     language: Language) -> list[str]: ...

    @abstractmethod
    async def cite(self, groups: Sequence[Sequence[int]], sources: Sequence[Source],
                   style: CitationStyle, language: Language) -> list[str]: ...


class BibliographyWriter(Protocol):
    """Writes sources as a file that reference managers (Zotero, Mendeley, JabRef, EndNote)
    import: BibTeX, RIS or CSL-JSON (the formats whose `is_bibliography` is true).

    - `write` returns the file as UTF-8 bytes, one entry per source in the order given, each
      with the work's title, authors, year, venue, DOI, URL and abstract where the source has
      them; a reader of the format gets back the same works. No sources: a valid file with no
      entries.
    - Citation keys (BibTeX keys, RIS and CSL ids) are ASCII and unique within a file.
    - Any other format raises ValueError.
    - It is CPU work: adapters keep it off the event loop.
    """

    @abstractmethod
    async def write(self, sources: Sequence[Source], format: ExportFormat) -> bytes: ...
