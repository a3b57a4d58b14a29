"""Documents <-> rows of the `documents` table; the nested parts travel as JSON."""

from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from domain.document_parts import Origin
from domain.documents import (
    CitationStyle,
    Claim,
    Document,
    DocumentSpec,
    DocumentStatus,
    Kind,
    OutlineItem,
    Provider,
    Section,
    Source,
    Verdict,
)
from domain.ids import DocumentId, UserId
from domain.languages import Language
from domain.title_page import TitlePage


def document_row(document: Document) -> dict[str, Any]:
    spec = document.spec
    return {
        "id": document.id, "owner_id": document.owner, "title": spec.title,
        "topic": spec.topic, "kind": spec.kind.value, "language": spec.language.code,
        "target_words": spec.target_words, "citation_style": spec.citation_style.value,
        "instructions": spec.instructions, "requirements": document.requirements,
        "status": document.status.value, "revision": document.revision,
        "word_count": document.word_count,
        "created_at": document.created_at, "updated_at": document.updated_at,
        "outline": [asdict(item) for item in document.outline],
        "sections": [section_json(section) for section in document.sections],
        "sources": [*(asdict(source) for source in document.sources),
                    *({**asdict(source), "removed": True}
                      for source in document.removed_sources)],
        "bibliography": list(document.bibliography),
        "title_page": spec.title_page.as_mapping(),
        "revisions_made": document.revisions_made,
    }


def section_json(section: Section) -> dict[str, Any]:
    values = asdict(section)
    values["written_at"] = section.written_at.isoformat() if section.written_at else None
    return values


def document_from_row(row: Row[Any]) -> Document:
    """The document in `row`; sections stay empty when the row has no `sections` column."""
    return document_from_fields(row._mapping)


def document_from_fields(fields: Mapping[Any, Any]) -> Document:
    """The document in a row's fields by column name, JSON columns decoded; sections stay
    empty without a `sections` field."""
    spec = DocumentSpec(title=fields["title"], topic=fields["topic"], kind=Kind(fields["kind"]),
                        language=Language(fields["language"]),
                        target_words=fields["target_words"],
                        citation_style=CitationStyle(fields["citation_style"]),
                        instructions=fields["instructions"],
                        title_page=TitlePage.from_mapping(dict(fields["title_page"] or {})))
    sources = [(bool(item.get("removed")), _source(item)) for item in fields["sources"]]
    return Document(
        id=DocumentId(fields["id"]), owner=UserId(fields["owner_id"]), spec=spec,
        status=DocumentStatus(fields["status"]), created_at=fields["created_at"],
        updated_at=fields["updated_at"], revision=fields["revision"],
        requirements=fields["requirements"], word_count=fields["word_count"],
        outline=tuple(_outline_item(item) for item in fields["outline"]),
        sections=tuple(section_from_json(item) for item in fields.get("sections", ())),
        sources=tuple(source for removed, source in sources if not removed),
        removed_sources=tuple(source for removed, source in sources if removed),
        bibliography=tuple(fields["bibliography"]), revisions_made=fields["revisions_made"],
    )


def _outline_item(item: dict[str, Any]) -> OutlineItem:
    return OutlineItem(index=item["index"], title=item["title"],
                       target_words=item["target_words"], brief=item.get("brief", ""),
                       queries=tuple(item.get("queries", ())),
                       sources=tuple(item.get("sources", ())), key=item.get("key", ""))


def section_from_json(item: dict[str, Any]) -> Section:
    """Rows written before claims were checked have neither `claims` nor `model`; rows
    written before steering have no key, origin, instructions or time."""
    written_at = item.get("written_at")
    return Section(index=item["index"], title=item["title"], text=item["text"],
                   citations=tuple(item["citations"]),
                   claims=tuple(Claim(sentence=c["sentence"], n=c["n"],
                                      verdict=Verdict(c["verdict"]), evidence=c.get("evidence"))
                                for c in item.get("claims", ())),
                   model=item.get("model"), key=item.get("key", ""),
                   origin=Origin(item.get("origin", Origin.MODEL.value)),
                   instructions=item.get("instructions"),
                   written_at=datetime.fromisoformat(written_at) if written_at else None)


def _source(item: dict[str, Any]) -> Source:
    return Source(n=item["n"], title=item["title"], authors=tuple(item["authors"]),
                  year=item["year"], venue=item["venue"], doi=item["doi"], url=item["url"],
                  abstract=item.get("abstract"),
                  provider=Provider(item.get("provider", Provider.OFFLINE.value)),
                  cited_by=item.get("cited_by"))
