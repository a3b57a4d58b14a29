"""The words a text is searched by: casefolded stems, in any of the document languages.

Crude on purpose (no dictionary, no network): a common inflectional ending is cut, then the
first five letters are kept, so "bridges" and "bridge", "ponti" and "ponte", "малого" and
"малий", "бізнесу" and "бізнес" meet. Function words and the words of almost every thesis
title ("study", "development", "розвиток") are not searched.
"""

from __future__ import annotations

import re
import unicodedata

STEM_LENGTH = 5
MIN_STEM = 3
_STOP_WORDS = """
the and for with from into over under about between their its this that what how why are
was were use using based study studies analysis approach new towards toward role impact
effect effects case problems issues aspects features modern current development
для как при над под что это или его про щодо між або який яка які їх чи та також
роль вплив влияние аспекти аспекты особливості особенности проблеми проблемы сучасний
сучасні сучасного современный современные розвиток розвитку развитие развития
della delle degli dello dei del nel nella per con sul sulla una uno sviluppo
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Endings of Ukrainian and Russian inflection, longest first so that "ого" goes before "о".
_CYRILLIC_ENDINGS = """
ями ами ого ому ими его ему ів ах ях ам ям ом ем ою ею ой ей ий ій ый ая яя ое ее ые ие
их ых ов ев у ю а я і и ы е о ь й ї
"""
CYRILLIC_ENDINGS = tuple(sorted(_CYRILLIC_ENDINGS.split(), key=len, reverse=True))
LATIN_VOWELS = "aeio"


def stems(text: str) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return {stem(word) for word in words
            if len(word) >= MIN_STEM and not word.isdigit() and word not in STOP_WORDS}


def stem(word: str) -> str:
    if _is_cyrillic(word):
        for ending in CYRILLIC_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[:-len(ending)]
                break
    else:
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]  # an English plural: "firms" and "firm" agree
        if len(word) > 4 and word[-1] in LATIN_VOWELS:
            word = word[:-1]  # "bridge"/"bridg", "ponte"/"ponti", "impresa"/"imprese"
    return word[:STEM_LENGTH]


def _is_cyrillic(word: str) -> bool:
    return "CYRILLIC" in unicodedata.name(word[0], "")


def in_cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(char, "") for char in text)
