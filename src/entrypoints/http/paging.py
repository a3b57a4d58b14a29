"""Query parameters of every paged list: `limit` 1..MAX_PAGE, `offset` 0..MAX_OFFSET.

Every list declares them as `limit: FromQuery[Limit] = …, offset: FromQuery[Offset] = 0`, so
that each checks them alike and the schema states the same bounds."""

from typing import Annotated

from litestar.params import Parameter

from domain.pages import MAX_OFFSET, MAX_PAGE

Limit = Annotated[int, Parameter(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Parameter(ge=0, le=MAX_OFFSET, description="Items to skip.")]
