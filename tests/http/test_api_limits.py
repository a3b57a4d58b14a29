"""The per-user API limit counts the user behind a genuine token, however the header is
spelled and across refreshed tokens; anonymous callers are counted by address."""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from tests.http.conftest import Api
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.http.app import create_app

DOCUMENTS = "/api/v1/documents"


@pytest.fixture
async def limited(fakes: Fakes) -> AsyncIterator[AsyncTestClient[Any]]:
    settings = settings_for(rate_limit_api="3/minute")
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings),
                               base_url="http://testserver.local") as client:
        yield client
    await container.close()


async def codes(client: AsyncTestClient[Any], *authorizations: str) -> list[int]:
    return [(await client.get(DOCUMENTS, headers={"Authorization": a})).status_code
            for a in authorizations]


async def test_the_spelling_of_the_header_opens_no_new_window(limited, fakes) -> None:
    token = (await Api(limited, fakes).sign_in())["access_token"]

    assert await codes(limited, *[f"Bearer {token}"] * 3) == [200, 200, 200]
    assert await codes(limited, f"Bearer {token}", f"bearer {token}", f"BEARER {token}",
                       f"Bearer  {token}") == [429, 429, 429, 429]


async def test_a_refreshed_token_counts_in_the_same_window(limited, fakes) -> None:
    pair = await Api(limited, fakes).sign_in()
    assert await codes(limited, *[f"Bearer {pair['access_token']}"] * 3) == [200, 200, 200]

    refreshed = await limited.post("/api/v1/auth/refresh",
                                   json={"refresh_token": pair["refresh_token"]})
    assert refreshed.status_code == 200
    assert await codes(limited, f"Bearer {refreshed.json()['access_token']}") == [429]


async def test_each_user_has_a_window_of_their_own(limited, fakes) -> None:
    api = Api(limited, fakes)
    ada, bob = (await api.sign_in("ada@example.com")), (await api.sign_in("bob@example.com"))
    assert await codes(limited, *[f"Bearer {ada['access_token']}"] * 4) == [200, 200, 200, 429]
    assert await codes(limited, f"Bearer {bob['access_token']}") == [200]


async def test_anonymous_callers_are_counted_by_address(limited, fakes) -> None:
    token = (await Api(limited, fakes).sign_in())["access_token"]
    assert await codes(limited, "", "Bearer forged", "Basic eDp5") == [401, 401, 401]
    assert await codes(limited, "Bearer another-forgery") == [429]
    assert await codes(limited, f"Bearer {token}") == [200]


async def test_the_refusal_says_which_limit_and_when_it_resets(limited, fakes) -> None:
    token = (await Api(limited, fakes).sign_in())["access_token"]
    await codes(limited, *[f"Bearer {token}"] * 3)

    refused = await limited.get(DOCUMENTS, headers={"Authorization": f"Bearer {token}"})

    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    retry_after = int(refused.headers["retry-after"])
    assert 0 < retry_after <= 60
    assert "3 per minute" in refused.json()["detail"]
    assert f"resets in {retry_after} second" in refused.json()["detail"]
