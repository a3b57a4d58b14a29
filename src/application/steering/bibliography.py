from dataclasses import replace

from domain.documents import Document
from domain.ports.bibliography import BibliographyFormatter


async def with_bibliography(document: Document, formatter: BibliographyFormatter) -> Document:
    """The document with its bibliography formatted anew from what its sections cite (part
    of the change that made it; the revision is not bumped again)."""
    entries = await formatter.format(document.cited_sources(), document.spec.citation_style,
                                     document.spec.language)
    return replace(document, bibliography=tuple(entries))
