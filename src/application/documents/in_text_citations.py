from collections.abc import Sequence

from domain.citations import citation_groups
from domain.documents import Document, Section
from domain.ports.bibliography import BibliographyFormatter


async def in_text_citations(document: Document, sections: Sequence[Section],
                            formatter: BibliographyFormatter) -> list[list[str]]:
    """For each of `sections` (of `document`), the in-text citation of each of its groups of
    `[n]` markers, in the document's style and language: what a reader sees in their place.
    One call to the formatter for the whole document."""
    groups = [citation_groups(section.text) for section in sections]
    forms = iter(await formatter.cite([group for found in groups for group in found],
                                      document.sources, document.spec.citation_style,
                                      document.spec.language))
    return [[next(forms) for _ in found] for found in groups]


class CiteInText:
    """The in-text citations of a document's written sections (`in_text_citations`)."""

    def __init__(self, formatter: BibliographyFormatter) -> None:
        self._formatter = formatter

    async def __call__(self, document: Document) -> list[list[str]]:
        return await in_text_citations(document, document.sections, self._formatter)
