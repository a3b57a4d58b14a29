"""Query parameters of every paged list: `limit` 1..MAX_PAGE, `offset` from 0."""

from typing import Annotated

from litestar.params import Parameter

from domain.pages import MAX_PAGE

Limit = Annotated[int, Parameter(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Parameter(ge=0)]
