from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.errors import InvalidInput

T = TypeVar("T")
MAX_PAGE = 100
# Paging by offset reads and skips every row before the page; past a million rows nobody
# pages by hand, and the bound keeps every offset well inside a database integer.
MAX_OFFSET = 1_000_000


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int = 20
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE:
            raise InvalidInput(f"limit must be between 1 and {MAX_PAGE}", field="limit")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise InvalidInput(f"offset must be between 0 and {MAX_OFFSET}", field="offset")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int
    limit: int
    offset: int
