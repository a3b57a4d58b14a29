"""Strict-Transport-Security: on every answer in production, never in development (a
browser would then refuse plain HTTP to localhost for a year)."""

import pytest
from cryptography.fernet import Fernet
from litestar.testing import AsyncTestClient
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.config import Environment
from entrypoints.http.app import create_app
from entrypoints.http.middleware import HSTS

PRODUCTION = dict(environment=Environment.PRODUCTION, smtp_host="smtp.tesigo.test",
                  allowed_hosts=["testserver.local"],
                  totp_encryption_key=Fernet.generate_key().decode())  # admins exist


async def answers(**settings: object) -> list[dict[str, str]]:
    configured = settings_for(**settings)
    container = memory_container(Fakes(), configured)
    app = create_app(container, configured)
    async with AsyncTestClient(app=app, base_url="http://testserver.local") as client:
        responses = [await client.get("/health"), await client.get("/no-such-path"),
                     await client.post("/api/v1/auth/magic-link", json={"email": "a@b.test"}),
                     await client.get("/api/v1/auth/me")]
    await container.close()
    assert [r.status_code for r in responses] == [200, 404, 202, 401]
    return [dict(r.headers) for r in responses]


async def test_production_answers_carry_hsts() -> None:
    for headers in await answers(**PRODUCTION):
        assert headers["strict-transport-security"] == HSTS
    assert HSTS.startswith("max-age=31536000")


@pytest.mark.parametrize("environment", [Environment.DEVELOPMENT, Environment.TEST])
async def test_other_environments_send_no_hsts(environment: Environment) -> None:
    for headers in await answers(environment=environment):
        assert "strict-transport-security" not in headers
