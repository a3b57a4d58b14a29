"""A written section as the page shows it: paragraphs of text with each group of `[n]`
markers replaced by its in-text citation (as the style renders it), which carries a card per
cited source: the source, the check's verdict for that sentence and the supporting quote.

Only presentation: the verdicts come from the section's saved claims, matched to the
sentence each marker stands in as `domain.claims` names sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.claims import shown
from domain.document_parts import Claim, Section, Source, Verdict
from domain.sentences import sentence_spans

_GROUP = re.compile(r"\s?((?:\[\d+\])+)")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class CitedWork:
    source: Source
    verdict: Verdict
    quote: str | None


@dataclass(frozen=True, slots=True)
class Citation:
    """An in-text citation; `checked` only when every work it cites supports the sentence."""

    form: str
    works: tuple[CitedWork, ...]

    @property
    def checked(self) -> bool:
        return all(work.verdict is Verdict.SUPPORTED for work in self.works)


Paragraph = list[str | Citation]


def paragraphs(section: Section, forms: Sequence[str],
               sources: Sequence[Source]) -> list[Paragraph]:
    """`section`'s text as paragraphs; `forms` are the in-text citations of its marker
    groups in order (`CiteInText`); a group rendered as "" is left out."""
    by_number = {source.n: source for source in sources}
    claims = {(claim.sentence, claim.n): claim for claim in section.claims}
    spans = sentence_spans(section.text)
    text, parts, at = section.text, [[]], 0  # type: ignore[var-annotated]
    for match, form in zip(_GROUP.finditer(text), forms, strict=False):
        _add_text(parts, text[at:match.start()])
        at = match.end()
        if not form:
            continue
        sentence = _sentence_at(text, spans, match.start(1))
        works = tuple(_work(by_number[n], claims.get((sentence, n)))
                      for n in dict.fromkeys(int(n) for n in re.findall(r"\d+", match.group(1)))
                      if n in by_number)
        parts[-1].append(match.group(0)[: len(match.group(0)) - len(match.group(1))])
        parts[-1].append(Citation(form=form, works=works))
    _add_text(parts, text[at:])
    return [paragraph for paragraph in parts if any(str(p).strip() for p in paragraph)]


def _add_text(parts: list[Paragraph], chunk: str) -> None:
    pieces = _PARAGRAPH.split(chunk)
    parts[-1].append(pieces[0])
    parts.extend([piece] for piece in pieces[1:])


def _sentence_at(text: str, spans: list[tuple[int, int]], position: int) -> str:
    for start, end in spans:
        if start <= position < end:
            return shown(text[start:end])
    return ""


def _work(source: Source, claim: Claim | None) -> CitedWork:
    if claim is None:
        return CitedWork(source=source, verdict=Verdict.UNVERIFIED, quote=None)
    return CitedWork(source=source, verdict=claim.verdict, quote=claim.evidence)
