from abc import abstractmethod
from collections.abc import Sequence
from typing import Protocol

from domain.documents import CitationStyle, Source
from domain.languages import Language


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
