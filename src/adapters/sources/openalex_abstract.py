"""OpenAlex's abstracts, rebuilt from `abstract_inverted_index` (word -> its positions).

OpenAlex does not serve abstracts as text (publishers' terms), only each word with the
positions it occurs at; ordering the words by position gives the text back.
"""

from __future__ import annotations

from typing import Any

from adapters.sources.payload import abstract

# Bounds on what a hostile or broken record can make us build: real abstracts have a few
# hundred words. Positions past MAX_POSITION are dropped; after MAX_ENTRIES words and
# positions read, the rest of the index is not looked at.
MAX_POSITION = 2_000
MAX_ENTRIES = 5_000


def rebuilt_abstract(index: Any) -> str | None:
    """The abstract's text, or None for a missing, empty or malformed index. Entries that
    are not a word with a list of non-negative integer positions are skipped; when two
    words claim one position, the first keeps it."""
    if not isinstance(index, dict):
        return None
    at: dict[int, str] = {}
    budget = MAX_ENTRIES
    for word, positions in index.items():
        budget -= 1
        if budget < 0:
            break
        if not isinstance(word, str) or not word.strip() or not isinstance(positions, list):
            continue
        for position in positions[:budget]:
            budget -= 1
            if (isinstance(position, int) and not isinstance(position, bool)
                    and 0 <= position <= MAX_POSITION):
                at.setdefault(position, word)
    return abstract(" ".join(at[position] for position in sorted(at)))
