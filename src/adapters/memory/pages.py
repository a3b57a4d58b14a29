from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from domain.pages import Page, PageRequest

T = TypeVar("T")


def page_of(items: Iterable[T], page: PageRequest, *, key: Callable[[T], Any],
            newest_first: bool = False) -> Page[T]:
    ordered = sorted(items, key=key, reverse=newest_first)
    chosen = ordered[page.offset:page.offset + page.limit]
    return Page(items=tuple(chosen), total=len(ordered), limit=page.limit, offset=page.offset)
