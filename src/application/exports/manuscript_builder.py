from dataclasses import replace
from datetime import datetime

from application.documents.in_text_citations import in_text_citations
from domain.citations import replace_citation_groups
from domain.disclosure import disclosure_for
from domain.documents import CitationStyle, Document
from domain.export_labels import labels_for
from domain.manuscripts import Layout, Manuscript, ManuscriptSection, blocks_of
from domain.ports.bibliography import BibliographyFormatter
from domain.ports.users import UserRepository

NUMERIC_STYLES = frozenset({CitationStyle.IEEE, CitationStyle.GOST})


class ManuscriptBuilder:
    """A document laid out for export: its sections in order with their `[n]` markers
    written as the style's in-text citations, its stored bibliography (exactly the cited
    works, formatted in the style), the page layout of the style (GOST or academic), labels
    in the document's language, and the closing disclosure: the models that wrote it, its
    sources (gathered and cited) and the totals of its citation check.

    The title page names as author the one its page gives, else the owner's display name,
    else `fallback_author` (the owner's e-mail); its year is the page's, else `now`'s."""

    def __init__(self, formatter: BibliographyFormatter, users: UserRepository) -> None:
        self._formatter, self._users = formatter, users

    async def build(self, document: Document, fallback_author: str,
                    now: datetime) -> Manuscript:
        spec = document.spec
        page = spec.title_page
        if not page.author:
            page = page.with_default_author((await self._users.get(document.owner)).display_name)
        author, year = page.author or fallback_author, page.year or now.year
        page = replace(page, author=author, year=year)
        rendered = await in_text_citations(document, document.sections, self._formatter)
        sections = []
        for section, forms in zip(document.sections, rendered, strict=True):
            text = replace_citation_groups(section.text, forms)
            sections.append(ManuscriptSection(index=section.index, title=section.title,
                                              blocks=blocks_of(text)))
        gost = spec.citation_style is CitationStyle.GOST
        return Manuscript(
            title=spec.title, author=author, year=year, language=spec.language.code,
            title_page=page,
            labels=labels_for(spec.language, spec.kind),
            layout=Layout.gost() if gost else Layout.academic(), sections=tuple(sections),
            bibliography=document.bibliography,
            numbered_references=spec.citation_style in NUMERIC_STYLES,
            disclosure=disclosure_for(spec.language, models=document.models,
                                      sources=len(document.sources),
                                      cited=len(document.cited_sources()),
                                      grounding=document.grounding))
