"""Manuscripts as Markdown (CommonMark), UTF-8. Text is printed as written: whatever
Markdown would read as markup (a heading, list or quote at a paragraph's start; emphasis,
code, HTML, entities, links or images inside) is escaped, and a paragraph is one line."""

from __future__ import annotations

import re

from domain.manuscripts import BlockKind, Manuscript

_INLINE = re.compile(r"([\\`*_<~]|&(?=#?\w+;))")  # and & of an entity such as &amp;
_LINK_TARGET = re.compile(r"\](?=[(\[:])")  # [text](url), [text][ref], [ref]: url
_BLOCK_START = re.compile(r"^(?:([#>+\-])|(\d{1,9})([.)]))")
_CLOSING_HASHES = re.compile(r"#(?=\s*$)")


def render_markdown(manuscript: Manuscript) -> bytes:
    labels = manuscript.labels
    lines = [f"# {_heading(manuscript.title)}", _paragraph(" · ".join(_byline(manuscript)))]
    for section in manuscript.sections:
        lines.append(f"## {section.index}. {_heading(section.title)}")
        for block in section.blocks:
            if block.kind is BlockKind.SUBHEADING:
                lines.append(f"### {_heading(block.text)}")
            else:
                lines.append(_paragraph(block.text))
    lines.append(f"## {_heading(labels.references)}")
    if manuscript.numbered_references:
        lines.extend(_paragraph(entry) for entry in manuscript.bibliography)
    else:
        lines.append("\n".join(f"- {_paragraph(entry)}" for entry in manuscript.bibliography))
    disclosure = manuscript.disclosure
    lines.append(f"## {_heading(disclosure.heading)}")
    lines.append("\n".join(f"- {_paragraph(f'{label}: {value}')}"
                           for label, value in disclosure.facts))
    lines.extend(_paragraph(paragraph) for paragraph in disclosure.statement)
    return ("\n\n".join(lines) + "\n").encode()


def _byline(manuscript: Manuscript) -> list[str]:
    """What the title page says besides the title: the kind, the people, the institution,
    the city and year."""
    labels, supervisor = manuscript.labels, manuscript.title_page.supervisor
    return [labels.kind, f"{labels.author}: {manuscript.author}",
            *([f"{labels.supervisor}: {supervisor}"] if supervisor else []),
            *manuscript.affiliation, manuscript.imprint]


def _paragraph(text: str) -> str:
    """One line; a leading #, >, +, - or "1." / "1)" escaped so the paragraph does not
    become a heading, quote or list."""
    return _BLOCK_START.sub(_escape_start, _inline(text), count=1)


def _heading(text: str) -> str:
    """A heading's text: one line, and a closing # kept as text."""
    return _CLOSING_HASHES.sub(r"\\#", _inline(text))


def _inline(text: str) -> str:
    return _LINK_TARGET.sub(r"\\]", _INLINE.sub(r"\\\1", " ".join(text.split())))


def _escape_start(match: re.Match[str]) -> str:
    if match[1]:
        return "\\" + match[1]
    return f"{match[2]}\\{match[3]}"
