"""The longest material the writer may show the model, for estimates made before it is
written. What a call reserves depends on its prompt, and some prompts carry text the model
writes first (a continuation, the claim check, the introduction's summaries of the body),
or an outline and sources the outline step has not found yet. An estimate builds them as
long as the writer lets them be, and as long as the model's texts can be:

- a text being continued has fewer words than `least_words` of its budget (else the writer
  would not continue it), a checked text at most `most_words` (the writer cuts longer ones)
- a word takes `WORD_BYTES` UTF-8 bytes with its space (Latin text averages about 6,
  Cyrillic about 12); every sentence has `SENTENCE_WORDS` words and cites
  `CITES_PER_SENTENCE` sources (a cited pair every 8 words, twice what densely cited
  academic text has), each a source the section is given, and has a line of its own
- an outline not yet planned has the `section_count` its kind and length ask for, budgets
  split evenly, titles of `TITLE_MAX` and briefs of `BRIEF_CHARS` characters; it brings
  `sources_wanted` sources, each with a long title, three authors and a long abstract
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from application.generation.check_prompts import ABSTRACT_CHARS as CHECKED_ABSTRACT_CHARS
from application.generation.policy import GenerationPolicy
from application.generation.prompts import BRIEF_CHARS, SUMMARY_WORDS
from domain.documents import Document, OutlineItem, Provider, Section, Source
from domain.outline import TITLE_MAX, plan_outline, section_count
from domain.sources import sources_wanted

WORD_BYTES = 13
SENTENCE_WORDS = 16
CITES_PER_SENTENCE = 2
SOURCE_TITLE_CHARS = 300
AUTHOR_CHARS = 40
_WORD = "X" * (WORD_BYTES - 1)  # not lower-case: each line is a sentence of its own


def worst_text(words: int, cited: Sequence[int]) -> str:
    """`words` words in sentences of SENTENCE_WORDS, one a line, each citing the next
    CITES_PER_SENTENCE of `cited` in turn (none when `cited` is empty)."""
    lines, at = [], 0
    for start in range(0, max(0, words), SENTENCE_WORDS):
        count = min(SENTENCE_WORDS, words - start)
        numbers = [cited[(at + i) % len(cited)] for i in range(CITES_PER_SENTENCE)
                   ] if cited else []
        at += CITES_PER_SENTENCE
        markers = "".join(f"[{n}]" for n in dict.fromkeys(numbers))
        lines.append(" ".join([_WORD] * count) + markers + ".")
    return "\n".join(lines)


def planned(document: Document, policy: GenerationPolicy) -> Document:
    """`document` as the outline step may leave it: planned, with its sources found."""
    spec = document.spec
    count = section_count(spec.kind, spec.target_words)
    outline = tuple(replace(item, brief="b" * BRIEF_CHARS)
                    for item in plan_outline([("t" * TITLE_MAX, 1)] * count, spec.target_words))
    wanted = max(sources_wanted(spec.target_words, policy.sources_max), len(document.sources))
    first = max((s.n for s in (*document.sources, *document.removed_sources)), default=0) + 1
    found = tuple(_source(n) for n in range(first, first + wanted - len(document.sources)))
    return replace(document, outline=outline, sources=(*document.sources, *found))


def with_body_written(document: Document, items: Sequence[OutlineItem]) -> Document:
    """`document` once `items` (body sections) are written anew, as long as their summaries
    in the introduction's and the conclusion's prompts can be."""
    text = worst_text(SUMMARY_WORDS + 1, ())
    chosen = {item.index for item in items}
    written = [Section(index=item.index, title=item.title, text=text, citations=(),
                       key=item.key) for item in items]
    kept = [s for s in document.sections if s.index not in chosen]
    return replace(document, sections=tuple(sorted((*kept, *written), key=lambda s: s.index)))


def _source(n: int) -> Source:
    return Source(n=n, title="s" * SOURCE_TITLE_CHARS, authors=("a" * AUTHOR_CHARS,) * 3,
                  year=2000, venue=None, doi=None, url=None,
                  abstract="w " * CHECKED_ABSTRACT_CHARS, provider=Provider.OFFLINE)
