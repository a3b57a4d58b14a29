from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.contracts.storage import MemoryStorage, SqlStorage, Storage, Unit

STORAGE_ADAPTERS = ["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=STORAGE_ADAPTERS)
def storage_engine(request: pytest.FixtureRequest) -> AsyncEngine | None:
    """The engine of the adapter under test; None for the in-memory one."""
    if request.param == "memory":
        return None
    engine: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return engine


@pytest.fixture
async def storage(storage_engine: AsyncEngine | None) -> AsyncIterator[Storage]:
    """Empty storage of the adapter under test."""
    storage: Storage
    if storage_engine is None:
        storage = MemoryStorage()
    else:
        storage = await SqlStorage.emptied(storage_engine)
    yield storage
    await storage.close()


@pytest.fixture
def unit(storage: Storage) -> Unit:
    """A first unit of work; tests that need more call `storage.begin()`."""
    return storage.begin()

