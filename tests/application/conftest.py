from collections.abc import AsyncIterator
from typing import Any, TypeVar

import pytest
from dishka import AsyncContainer
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.config import Settings

T = TypeVar("T")


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


@pytest.fixture
def settings() -> Settings:
    """What the container runs on; a module overrides it to change some settings."""
    return settings_for()


@pytest.fixture
async def container(fakes: Fakes, settings: Settings) -> AsyncIterator[AsyncContainer]:
    container = memory_container(fakes, settings)
    yield container
    await container.close()


class Run:
    """Runs a use case in its own request scope, as one HTTP request would."""

    def __init__(self, container: AsyncContainer) -> None:
        self._container = container

    async def __call__(self, use_case: type[Any], *args: Any, **kwargs: Any) -> Any:
        async with self._container() as scope:
            return await (await scope.get(use_case))(*args, **kwargs)


@pytest.fixture
def run(container: AsyncContainer) -> Run:
    return Run(container)
