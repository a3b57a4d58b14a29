"""Latin letters for text in other scripts, for places that only take ASCII (a download's
fallback file name). `translitua` is plain tables and rules: pure, like the rest of the
domain."""

from __future__ import annotations

import re
import unicodedata

from translitua import RussianICAO, TransliterationTable, UkrainianKMU, translit

from domain.languages import Language

_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэёъЫЭЁЪ")
_WORD = re.compile(r"\w+")
# Latin letters that Unicode does not decompose into a base letter and an accent.
_LATIN_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                                "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                                "þ": "th", "Þ": "Th"})


def to_latin(text: str, language: Language | None = None) -> str:
    """`text` with Cyrillic transliterated, Ukrainian by the national system (Cabinet of
    Ministers, 2010: "Цифрова трансформація" → "Tsyfrova transformatsiia") and Russian by
    ICAO Doc 9303 (Russian passports since 2013), and accents dropped from Latin letters
    ("Università" → "Universita"). The document's language picks the system; without it,
    letters only Russian has (ы, э, ё, ъ) pick Russian, anything else Ukrainian. Characters
    with no Latin form (Chinese, say) are left as they are."""
    table = _table(text, language)
    latin = _WORD.sub(lambda word: _word(word.group(), table), text)
    decomposed = unicodedata.normalize("NFKD", latin.translate(_LATIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _table(text: str, language: Language | None) -> type[TransliterationTable]:
    if language is not None and language.code in ("uk", "ru"):
        return RussianICAO if language.code == "ru" else UkrainianKMU
    letters = set(text)
    if letters & _RUSSIAN_ONLY and not letters & _UKRAINIAN_ONLY:
        return RussianICAO
    return UkrainianKMU


def _word(word: str, table: type[TransliterationTable]) -> str:
    latin = translit(word, table)
    # A word in capitals stays in capitals ("ЦИФРОВА" → "TSYFROVA", not "TsYFROVA").
    return latin.upper() if word.isupper() and len(word) > 1 else latin
