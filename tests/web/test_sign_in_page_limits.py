"""The page's sign-in is limited per IP as the API's is (RATE_LIMIT_SIGNIN); the pages
behind it are not held to that limit."""

import pytest
from tests.memory_container import settings_for
from tests.web.test_sign_in_pages import csrf_token

from entrypoints.config import Settings


@pytest.fixture
def settings() -> Settings:
    return settings_for(rate_limit_signin="2/minute")


async def test_the_third_sign_in_in_a_minute_is_429(client) -> None:
    answers = []
    for _ in range(3):
        token = await csrf_token(client)
        answers.append((await client.post("/sign-in", data={
            "email": "ada@example.com", "_csrf_token": token})).status_code)
    assert answers == [200, 200, 429]
    assert (await client.get("/")).status_code == 200  # the page itself still opens
