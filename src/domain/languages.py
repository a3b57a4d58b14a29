"""ISO 639-1 language codes: the languages a document can be written in."""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import InvalidInput

_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr "
    "ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
    "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr "
    "ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu"
)
ISO_639_1 = frozenset(_CODES.split())


@dataclass(frozen=True, slots=True)
class Language:
    """A two-letter ISO 639-1 code such as `en`, `uk`, `ru` or `it`."""

    code: str

    def __post_init__(self) -> None:
        if self.code not in ISO_639_1:
            raise InvalidInput("language must be an ISO 639-1 code such as 'en' or 'uk'",
                               field="language")

    def __str__(self) -> str:
        return self.code
