import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.config import Settings
from entrypoints.http.app import create_app

LINK = re.compile(r"/auth/verify\?token=([A-Za-z0-9_\-]+)")


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


@pytest.fixture
def settings() -> Settings:
    return settings_for()


@pytest.fixture
async def client(fakes: Fakes, settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    container = memory_container(fakes, settings)
    app = create_app(container, settings)
    async with AsyncTestClient(app=app, base_url="http://testserver.local") as client:
        yield client
    await container.close()


class Api:
    """Signs people in through the HTTP API, the way a client would."""

    def __init__(self, client: AsyncTestClient[Any], fakes: Fakes) -> None:
        self.client, self.fakes = client, fakes

    async def link_token(self, email: str) -> str:
        response = await self.client.post("/api/v1/auth/magic-link", json={"email": email})
        assert response.status_code == 202, response.text
        for message in reversed(self.fakes.mailer.sent):
            if message.to == email.lower():
                match = LINK.search(message.text)
                assert match
                return match.group(1)
        raise AssertionError(f"no e-mail to {email}")

    async def sign_in(self, email: str = "ada@example.com") -> dict[str, Any]:
        token = await self.link_token(email)
        response = await self.client.post("/api/v1/auth/verify-magic-link", json={"token": token})
        assert response.status_code == 200, response.text
        return response.json()

    async def headers(self, email: str = "ada@example.com") -> dict[str, str]:
        return {"Authorization": f"Bearer {(await self.sign_in(email))['access_token']}"}


@pytest.fixture
def api(client: AsyncTestClient[Any], fakes: Fakes) -> Api:
    return Api(client, fakes)
