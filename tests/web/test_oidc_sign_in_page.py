"""The sign-in page's "Sign in with Google": shown only when a provider is configured, the
same flow as the API's with the page's own routes, ending in the page's session cookies."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from tests.memory_container import Fakes, settings_for
from tests.oidc_providers import CLIENT_ID, CLIENT_SECRET, authorize, local_target, mock_provider

from adapters.memory.system import FixedClock
from entrypoints.config import Settings
from entrypoints.web.i18n import translations

LINK = '<a href="/auth/oidc/start">'


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    with mock_provider() as url:
        yield url


@pytest.fixture
def fakes() -> Fakes:
    return Fakes(clock=FixedClock(datetime.now(UTC)))


@pytest.fixture
def settings(issuer: str) -> Settings:
    return settings_for(oidc_issuer=issuer, oidc_client_id=CLIENT_ID,
                        oidc_client_secret=CLIENT_SECRET, oidc_name="Google")


async def test_the_sign_in_page_offers_the_provider_in_the_pages_language(client) -> None:
    english = await client.get("/")
    assert f"{LINK}Sign in with Google</a>" in english.text

    ukrainian = await client.get("/", headers={"Accept-Language": "uk"})
    label = translations("uk").gettext("Sign in with %(name)s") % {"name": "Google"}
    assert label == "Увійти через Google" and f"{LINK}{label}</a>" in ukrainian.text


async def test_a_verified_email_signs_the_browser_in(client, issuer: str, api) -> None:
    by_link = await api.sign_in("vera@example.com")
    start = await client.get("/auth/oidc/start", follow_redirects=False)
    assert start.status_code == 302
    back = await authorize(issuer, start.headers["location"], "vera-google",
                           {"email": "vera@example.com", "email_verified": True})
    assert back.startswith("https://tesigo.test/auth/oidc/callback?")

    answer = await client.get(local_target(back), follow_redirects=False)

    assert answer.status_code in (302, 303) and answer.headers["location"] == "/documents"
    assert {"tesigo_access", "tesigo_refresh"} <= set(client.cookies)
    documents = await client.get("/documents")
    assert documents.status_code == 200
    account = await client.get("/api/v1/auth/me", headers={
        "Authorization": f"Bearer {client.cookies['tesigo_access']}"})
    bearer = {"Authorization": f"Bearer {by_link['access_token']}"}
    linked = await client.get("/api/v1/auth/me", headers=bearer)
    assert account.json()["id"] == linked.json()["id"]


async def test_a_refused_sign_in_is_the_sign_in_page_with_why(client, issuer: str) -> None:
    start = await client.get("/auth/oidc/start", follow_redirects=False)
    back = await authorize(issuer, start.headers["location"], "walt-google",
                           {"email": "walt@example.com", "email_verified": False})

    answer = await client.get(local_target(back), follow_redirects=False)

    assert answer.status_code == 401
    assert "did not confirm a verified e-mail address" in answer.text
    assert "tesigo_access" not in client.cookies
    replay = await client.get(local_target(back), follow_redirects=False)
    assert replay.status_code == 400 and "already used" in replay.text


async def test_without_a_provider_the_page_offers_none(fakes: Fakes) -> None:
    from litestar.testing import AsyncTestClient
    from tests.memory_container import memory_container

    from entrypoints.http.app import create_app

    settings = settings_for()
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings)) as plain:
        page = await plain.get("/")
        start = await plain.get("/auth/oidc/start", follow_redirects=False)
    await container.close()

    assert "/auth/oidc/start" not in page.text
    assert start.status_code == 404
