"""What the model is asked. Machine-readable `KEY: value` lines carry the facts (the offline
model reads them too); the prose says how to write. What the user wrote (instructions,
requirements) only ever goes into the user message, never into the system text.

Bounds: each abstract in a section's evidence is cut to ABSTRACT_CHARS (at a word), and a
section sees at most `GenerationPolicy.sources_per_section` sources (12 by default), so the
evidence stays under about 12 × 1,000 characters (≈ 3,000 tokens) whatever the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from domain.documents import Document, OutlineItem, Provider, Section, Source
from domain.ports.language_model import Prompt

SUMMARY_WORDS = 60
ABSTRACT_CHARS = 1000
INSTRUCTIONS_CHARS = 2000  # a rewrite's instructions, as the API bounds them
CURRENT_TEXT_CHARS = 8000  # the text a rewrite replaces, shown to the model
BRIEF_CHARS = 400
QUERY_CHARS = 200
OUTLINE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["sections"],
    "properties": {"sections": {
        "type": "array", "minItems": 1, "maxItems": 40,
        "items": {"type": "object", "additionalProperties": False,
                  "required": ["title", "target_words", "brief", "queries"],
                  "properties": {
                      "title": {"type": "string"},
                      "target_words": {"type": "integer", "minimum": 1},
                      "brief": {"type": "string"},
                      "queries": {"type": "array", "minItems": 1, "maxItems": 3,
                                  "items": {"type": "string"}}}},
    }},
}
USER_ADDED = frozenset({Provider.USER, Provider.CROSSREF})
_SYSTEM = ("You are an academic writer. Write in the language whose ISO 639-1 code is {lang}, "
           "in a formal academic register. Never invent sources: cite only the numbered "
           "sources given, with markers like [1] or [2][5], and only for claims that the "
           "source's abstract supports.")


def _facts(document: Document, sources: Sequence[Source] = ()) -> list[str]:
    spec = document.spec
    lines = [f"TOPIC: {spec.topic}", f"TITLE: {spec.title}", f"KIND: {spec.kind.value}",
             f"LANGUAGE: {spec.language.code}", f"CITATION_STYLE: {spec.citation_style.value}"]
    if spec.instructions:
        lines.append(f"INSTRUCTIONS: {spec.instructions}")
    if document.requirements:
        lines.append(f"REQUIREMENTS: {document.requirements}")
    if sources:
        lines.append("SOURCES:")
        lines += [f"[{s.n}] {s.title} ({s.year or 'n.d.'})"
                  + (f" - {', '.join(s.authors[:3])}" if s.authors else "") for s in sources]
        abstracts = [(s.n, trimmed(s.abstract, ABSTRACT_CHARS)) for s in sources if s.abstract]
        if abstracts:
            lines.append("ABSTRACTS:")
            lines += [f"[{n}] {text}" for n, text in abstracts]
    return lines


def trimmed(text: str | None, limit: int) -> str:
    """`text` on one line, cut at a word to at most `limit` characters (with "…")."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def outline_prompt(document: Document, sections: int) -> Prompt:
    spec = document.spec
    english = "" if spec.language.code == "en" else (
        f" in the document's language ({spec.language.code}) and in English")
    lines = [*_facts(document), f"TARGET_WORDS: {spec.target_words}",
             f"SECTION_COUNT: {sections}", "",
             f"Plan the {spec.kind.value} as exactly {sections} sections (introduction first, "
             "conclusion last). Give each a title in the document's language, a word budget "
             f"(the budgets should add up to {spec.target_words}), a brief of one or two "
             "sentences saying what the section covers and what it leaves to the others, and "
             f"one to three search queries for scholarly databases{english}, specific to that "
             "section. Follow the instructions and requirements above."]
    return Prompt(system=_SYSTEM.format(lang=spec.language.code), user="\n".join(lines))


def summarise(sections: Sequence[Section]) -> str:
    """A short summary of written sections: the opening of each."""
    parts = []
    for section in sections:
        words = section.text.split()
        opening = " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")
        parts.append(f"{section.index}. {section.title}: {opening}")
    return "\n".join(parts)


def is_framing(document: Document, item: OutlineItem) -> bool:
    """The introduction and the conclusion (first and last of three or more sections):
    written after the body, from its summaries."""
    indexes = [o.index for o in document.outline]
    return len(indexes) >= 3 and item.index in (indexes[0], indexes[-1])


def sources_for(document: Document, item: OutlineItem, limit: int) -> tuple[Source, ...]:
    """The sources a section is given: those its own searches found first, then the ones
    the user added (offered to every section), then the best of the rest (numbers follow
    rank), at most `limit`."""
    by_n = {s.n: s for s in document.sources}
    own = [by_n[n] for n in item.sources if n in by_n]
    added = [s for s in document.sources if s.provider in USER_ADDED and s not in own]
    rest = [s for s in document.sources if s not in own and s not in added]
    return tuple([*own, *added, *rest][:limit])


def section_prompt(document: Document, item: OutlineItem, sources_limit: int = 12,
                   instructions: str | None = None) -> Prompt:
    """The prompt for section `item`. With `instructions` (a rewrite the user asked for),
    the prompt also shows the section's current text and the instructions, bounded, in the
    user message."""
    outline = "\n".join(f"{o.index}. {o.title} ({o.target_words} words)"
                        + (f": {trimmed(o.brief, BRIEF_CHARS)}" if o.brief else "")
                        for o in document.outline)
    lines = [*_facts(document, sources_for(document, item, sources_limit)), "OUTLINE:", outline]
    if is_framing(document, item):
        body = [s for s in document.sections if not is_framing(document, _item(document, s))]
        lines += ["BODY_SUMMARIES:", summarise(body) or "(the body is not written yet)"]
    if instructions:  # before the section's own lines, which the user's text cannot override
        current = next((s.text for s in document.sections if s.key == item.key), "")
        if current:
            lines += ["CURRENT_TEXT:", trimmed(current, CURRENT_TEXT_CHARS)]
        lines.append(f"REWRITE_INSTRUCTIONS: {trimmed(instructions, INSTRUCTIONS_CHARS)}")
    lines += [f"SECTION_INDEX: {item.index}", f"SECTION_TITLE: {item.title}",
              f"SECTION_BRIEF: {trimmed(item.brief, BRIEF_CHARS)}",
              f"TARGET_WORDS: {item.target_words}", "",
              f"Write section {item.index}, \"{item.title}\", in about {item.target_words} words, "
              "covering its brief and leaving the other sections' briefs to them. Make only "
              "claims that the abstracts above support and cite each with its [n] marker; cite "
              "nothing else. Output only the section's text, without its heading."]
    if instructions:
        lines.append("This rewrites the current text: follow REWRITE_INSTRUCTIONS wherever "
                     "they do not conflict with the rules above.")
    return Prompt(system=_SYSTEM.format(lang=document.spec.language.code),
                  user="\n".join(lines))


def _item(document: Document, section: Section) -> OutlineItem:
    return next((o for o in document.outline if o.index == section.index),
                OutlineItem(index=section.index, title=section.title, target_words=0))
