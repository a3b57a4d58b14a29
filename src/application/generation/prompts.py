"""What the model is asked. Machine-readable `KEY: value` lines carry the facts (the offline
model reads them too); the prose says how to write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from domain.documents import Document, OutlineItem, Section, Source
from domain.ports.language_model import Prompt

SUMMARY_WORDS = 60
OUTLINE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["sections"],
    "properties": {"sections": {
        "type": "array", "minItems": 1, "maxItems": 40,
        "items": {"type": "object", "additionalProperties": False,
                  "required": ["title", "target_words"],
                  "properties": {"title": {"type": "string"},
                                 "target_words": {"type": "integer", "minimum": 1}}},
    }},
}
_SYSTEM = ("You are an academic writer. Write in the language whose ISO 639-1 code is {lang}, "
           "in a formal academic register. Never invent sources: cite only the numbered "
           "sources given, with markers like [1] or [2][5].")


def _facts(document: Document, sources: Sequence[Source]) -> list[str]:
    spec = document.spec
    lines = [f"TOPIC: {spec.topic}", f"TITLE: {spec.title}", f"KIND: {spec.kind.value}",
             f"LANGUAGE: {spec.language.code}", f"CITATION_STYLE: {spec.citation_style.value}"]
    if spec.instructions:
        lines.append(f"INSTRUCTIONS: {spec.instructions}")
    if document.requirements:
        lines.append(f"REQUIREMENTS: {document.requirements}")
    lines.append("SOURCES:")
    lines += [f"[{s.n}] {s.title} ({s.year or 'n.d.'})"
              + (f" - {', '.join(s.authors[:3])}" if s.authors else "") for s in sources]
    return lines


def outline_prompt(document: Document, sources: Sequence[Source], sections: int) -> Prompt:
    lines = [*_facts(document, sources), f"TARGET_WORDS: {document.spec.target_words}",
             f"SECTION_COUNT: {sections}", "",
             f"Plan the {document.spec.kind.value} as exactly {sections} sections (introduction "
             "first, conclusion last). Give each a title in the document's language and a word "
             f"budget; the budgets should add up to {document.spec.target_words}. Follow the "
             "instructions and requirements above."]
    return Prompt(system=_SYSTEM.format(lang=document.spec.language.code),
                  user="\n".join(lines))


def summarise(sections: Sequence[Section]) -> str:
    """A short running summary of what was written so far: the opening of each section."""
    parts = []
    for section in sections:
        words = section.text.split()
        opening = " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")
        parts.append(f"{section.index}. {section.title}: {opening}")
    return "\n".join(parts)


def section_prompt(document: Document, item: OutlineItem) -> Prompt:
    outline = "\n".join(f"{o.index}. {o.title} ({o.target_words} words)" for o in document.outline)
    earlier = summarise(document.sections_before(item.index)) or "(this is the first section)"
    lines = [*_facts(document, document.sources), "OUTLINE:", outline,
             "WRITTEN_SO_FAR:", earlier, f"SECTION_INDEX: {item.index}",
             f"SECTION_TITLE: {item.title}", f"TARGET_WORDS: {item.target_words}", "",
             f"Write section {item.index}, \"{item.title}\", in about {item.target_words} words. "
             "Continue from what was written so far without repeating it. Ground claims in the "
             "numbered sources and cite them with [n] markers; do not cite anything else. "
             "Output only the section's text, without its heading."]
    return Prompt(system=_SYSTEM.format(lang=document.spec.language.code),
                  user="\n".join(lines))
