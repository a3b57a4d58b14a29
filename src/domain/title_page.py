"""What a document's title page says beyond its title and kind: who wrote it, where and
for whom. Every field is optional; `author` defaults to the user's display name."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from domain.errors import InvalidInput

FIELD_MAX = 300
YEAR_MIN, YEAR_MAX = 1900, 2100


@dataclass(frozen=True, slots=True, kw_only=True)
class TitlePage:
    author: str | None = None
    institution: str | None = None
    faculty: str | None = None
    department: str | None = None
    supervisor: str | None = None
    city: str | None = None
    year: int | None = None

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "year":
                if value is not None and not YEAR_MIN <= value <= YEAR_MAX:
                    raise InvalidInput(f"title_page.year must be between {YEAR_MIN} and "
                                       f"{YEAR_MAX}", field="title_page.year")
                continue
            if value is None:
                continue
            cleaned = " ".join(str(value).split())
            if len(cleaned) > FIELD_MAX:
                raise InvalidInput(f"title_page.{field.name} must be at most {FIELD_MAX} "
                                   "characters", field=f"title_page.{field.name}")
            object.__setattr__(self, field.name, cleaned or None)

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> TitlePage:
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise InvalidInput(f"unknown field title_page.{unknown[0]}",
                               field=f"title_page.{unknown[0]}")
        return cls(**values)

    def as_mapping(self) -> dict[str, Any]:
        return {field.name: getattr(self, field.name) for field in fields(self)}

    def with_default_author(self, display_name: str | None) -> TitlePage:
        """The page with `author` taken from the profile when the document names none."""
        if self.author or not display_name:
            return self
        return replace(self, author=display_name)
