from typing import Any

from dishka import AsyncContainer


class Calls:
    """Runs a use case in a request scope of its own, as one HTTP request would: its own
    session and transaction."""

    def __init__(self, container: AsyncContainer) -> None:
        self._container = container

    async def __call__(self, use_case: type[Any], *args: Any, **kwargs: Any) -> Any:
        async with self._container() as scope:
            return await (await scope.get(use_case))(*args, **kwargs)
