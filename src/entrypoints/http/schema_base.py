from typing import Any

import msgspec
from msgspec import Meta

# Every string a client sends is checked with one of these patterns (Python's `re`, which is
# also what schemathesis and msgspec use). Refused at the edge: NUL, which PostgreSQL cannot
# store in text, and the other characters XML 1.0 forbids (C0 controls but tab, line feed
# and carriage return; U+FFFE, U+FFFF), which no document has a use for and DOCX cannot
# hold. Both patterns stay linear in the length of the string.
RULES: dict[str, str] = {}


def pattern(regex: str, rule: str) -> str:
    """`regex`, remembered with the rule it stands for, so that an error names the rule in
    words rather than quoting the expression."""
    RULES[regex] = rule
    return regex


_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
_CONTROL_RULE = "NUL (U+0000) or another control character (tab and line breaks are fine)"
NO_CONTROL = pattern(rf"^[^{_CONTROL}]*$", f"must not contain {_CONTROL_RULE}")
NOT_BLANK = pattern(rf"^[^\S\x0b\x0c\x1c-\x1f]*[^\s{_CONTROL}][^{_CONTROL}]*$",
                    f"must contain a visible character and no {_CONTROL_RULE}")


def text(*, min_length: int | None = None, max_length: int | None = None,
         blank: bool = True, **extra: Any) -> Meta:
    """The constraints of a request string: lengths, no control characters and, unless
    `blank`, at least one visible character (what the domain checks after stripping). Use
    it for every string field of a request body, so the schema and the server agree."""
    return Meta(min_length=min_length, max_length=max_length,
                pattern=NO_CONTROL if blank else NOT_BLANK, **extra)


class Strict(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Base of every request and response body: unknown fields are refused, values frozen.
    Subclasses repeat `kw_only=True, frozen=True` because type checkers do not inherit them."""
