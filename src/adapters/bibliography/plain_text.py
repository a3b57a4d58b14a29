"""citeproc's plain output made plain: entities decoded, inline tags dropped."""

from __future__ import annotations

import html
import re

INLINE_MARKUP = re.compile(r"</?(?:b|i|em|strong|sub|sup|scp|u)>", re.IGNORECASE)


def tidy_markup(text: str) -> str:
    """Entities decoded, providers' inline tags (<i>, <sup>…) dropped, spaces collapsed."""
    return " ".join(INLINE_MARKUP.sub("", html.unescape(text)).split())
