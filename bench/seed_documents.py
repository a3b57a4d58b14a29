"""Written documents for benchmarks, stored straight through the repositories: the text of
`tests.manuscripts`, cited with `[n]` markers of a numbered source list."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import uuid4

from tests.manuscripts import a_large_manuscript

from domain.citations import resolve_citations
from domain.document_parts import OutlineItem, Section, Source
from domain.documents import CitationStyle, Document, DocumentSpec, DocumentStatus, Kind
from domain.ids import DocumentId, UserId
from domain.languages import Language

SOURCES = tuple(Source(n=n, title=f"Study {n} of academic writing", authors=(f"Author {n}",),
                       year=2000 + n, venue="Journal of Writing Research", doi=None, url=None)
                for n in range(1, 5))


def written_document(owner: UserId, words: int, n: int, now: datetime) -> Document:
    manuscript = a_large_manuscript(words=words)
    spec = DocumentSpec(title=f"{manuscript.title} ({n + 1})", topic="Academic writing",
                        kind=Kind.THESIS, language=Language("en"),
                        target_words=min(100_000, words), citation_style=CitationStyle.IEEE)
    sections = []
    for index, part in enumerate(manuscript.sections, start=1):
        text = "\n\n".join(block.text if block.kind == "paragraph" else f"## {block.text}"
                           for block in part.blocks)
        text, cited = resolve_citations(text, {source.n for source in SOURCES})
        sections.append(Section(index=index, title=part.title, text=text, citations=cited))
    document = Document.draft(id=DocumentId(uuid4()), owner=owner, spec=spec, now=now)
    return replace(document, status=DocumentStatus.READY, sources=SOURCES,
                   outline=tuple(OutlineItem(index=s.index, title=s.title,
                                             target_words=words // len(sections))
                                 for s in sections),
                   sections=tuple(sections), bibliography=manuscript.bibliography,
                   word_count=sum(s.word_count for s in sections))
