"""What the model is asked when a section came out too short (`domain.length.too_short`):
to continue it, not to write it again.

- The prompt is the section's own prompt (same facts, sources and system prompt) followed by
  the text so far and the builder's last lines: `CONTINUE: yes` and `TARGET_WORDS:` set to
  the words missing (the last line of a key wins, so these replace the section's budget).
- The text so far is quoted line by line with `> `, so nothing in it can pass for one of
  the builder's `KEY: value` lines.
- The answer is only the new text, to be appended after the text so far as new
  paragraphs (joined with a blank line).
"""

from __future__ import annotations

from application.generation.prompts import section_prompt
from domain.documents import Document, OutlineItem
from domain.ports.language_model import Prompt


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip().splitlines())


def continuation_prompt(document: Document, item: OutlineItem, text_so_far: str,
                        words_missing: int, *, sources_limit: int = 12) -> Prompt:
    """`sources_limit` is passed to `section_prompt`, so the continuation sees the sources
    the section was written from."""
    section = section_prompt(document, item, sources_limit)
    words = max(1, words_missing)
    lines = [section.user, "", "TEXT_SO_FAR:", _quoted(text_so_far), "CONTINUE: yes",
             f"TARGET_WORDS: {words}", "",
             f"The text quoted above (lines starting with \"> \") is the beginning of section "
             f"{item.index}, \"{item.title}\", already written; it is about {words} words "
             "short of the section's budget. Do not write the section again: continue it "
             f"with about {words} more words, as new paragraphs that follow on from its last "
             "sentence without repeating or summarising it. Ground claims in the numbered "
             "sources and cite them with [n] markers; do not cite anything else. Output only "
             "the new text, without the quote marks."]
    return Prompt(system=section.system, user="\n".join(lines))
