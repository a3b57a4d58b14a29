from collections.abc import AsyncIterator

import pytest
from tests.postgres import fresh_database


@pytest.fixture
async def own_database(postgres_server_url: str) -> AsyncIterator[str]:
    """An empty database for one end-to-end test (the test migrates it with `tesigo
    migrate`, as an operator would), dropped afterwards."""
    async with fresh_database(postgres_server_url) as url:
        yield url
