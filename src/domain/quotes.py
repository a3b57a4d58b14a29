"""Whether a checker's quote really occurs in an abstract: the only way a claim counts as
supported.

- A quote occurs when, after folding both texts, it is a substring of the abstract that
  starts and ends at word boundaries. Folding: Unicode compatibility forms (NFKC, so `…` is
  `...` and `ﬁ` is `fi`), case (casefold), runs of white space as one space, typographic
  double quotes (`“ ” „ « »`) as `"`, single quotes and apostrophes (`‘ ’ ‚ ′`) as `'`,
  dashes (`‐ ‑ ‒ – — ― −`) as `-`, and soft hyphens and zero-width characters dropped.
  Nothing else is tolerated: a changed, added or missing word, or a stitched quote, does
  not occur.
- Quote marks, white space and leading dots or trailing ellipses around the quote are not
  part of it.
- A quote of fewer than `MIN_QUOTE_WORDS` words or `MIN_QUOTE_CHARS` characters (folded)
  never occurs, so that "the" cannot support anything.
"""

from __future__ import annotations

import unicodedata

MIN_QUOTE_WORDS = 3
MIN_QUOTE_CHARS = 15
_VARIANTS = str.maketrans({
    **dict.fromkeys("“”„‟«»″〝〞", '"'), **dict.fromkeys("‘’‚‛′ʼ", "'"),
    **dict.fromkeys("‐‑‒–—―−﹘", "-"), **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
})


def quote_occurs(quote: str, abstract: str) -> bool:
    return evidence_in(quote, abstract) is not None


def evidence_in(quote: str, abstract: str) -> str | None:
    """The passage of `abstract` that `quote` names, exactly as the abstract writes it, or
    None when the quote does not occur there (see the module's rules)."""
    wanted = _trimmed(_folded(quote)[0])
    if len(wanted) < MIN_QUOTE_CHARS or _words(wanted) < MIN_QUOTE_WORDS:
        return None
    folded, origin = _folded(abstract)
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if _boundary(folded, at - 1, wanted[0]) and _boundary(folded, end, wanted[-1]):
            return abstract[origin[at]:origin[end - 1] + 1]
        at = folded.find(wanted, at + 1)
    return None


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char).casefold().translate(_VARIANTS):
            space = folded.isspace()
            if space and (not chars or chars[-1] == " "):
                continue
            chars.append(" " if space else folded)
            origin.append(offset)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def _trimmed(quote: str) -> str:
    quote = quote.strip(" \"'").lstrip(".").strip(" \"'")
    while quote.endswith("..."):
        quote = quote[:-3].rstrip(" \"'")
    return quote


def _words(text: str) -> int:
    return sum(1 for word in text.split(" ") if any(char.isalnum() for char in word))


def _boundary(folded: str, at: int, edge: str) -> bool:
    """A match may not begin or end inside a word of the abstract."""
    if not edge.isalnum() or at < 0 or at >= len(folded):
        return True
    return not folded[at].isalnum()
