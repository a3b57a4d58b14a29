"""Sign-in with an OpenID Connect provider through the real app and a real provider over
HTTP (`oidc-provider-mock`), redirects followed by hand: a verified e-mail signs in to the
same account its magic link would; unverified e-mails, wrong nonces, expired or foreign ID
tokens and wrong or replayed states are refused with problems, never a 500."""

import base64
import hashlib
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from tests.http.conftest import Api
from tests.memory_container import Fakes, memory_container, settings_for
from tests.oidc_providers import (
    CLIENT_ID,
    CLIENT_SECRET,
    LocalProvider,
    authorize,
    local_target,
    mock_provider,
    query_of,
    with_query,
)

from adapters.memory.system import FixedClock
from entrypoints.config import Settings
from entrypoints.http.app import create_app
from entrypoints.http.oidc_cookie import COOKIE

START, CALLBACK = "/api/v1/auth/oidc/start", "/api/v1/auth/oidc/callback"


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    with mock_provider() as url:
        yield url


@pytest.fixture
def fakes() -> Fakes:
    return Fakes(clock=FixedClock(datetime.now(UTC)))  # the provider's tokens carry real time


@pytest.fixture
def settings(issuer: str) -> Settings:
    return settings_for(oidc_issuer=issuer, oidc_client_id=CLIENT_ID,
                        oidc_client_secret=CLIENT_SECRET)


async def start(client: AsyncTestClient[Any]) -> str:
    answer = await client.get(START, follow_redirects=False)
    assert answer.status_code == 302, answer.text
    return answer.headers["location"]


async def me(client: AsyncTestClient[Any], pair: dict[str, Any]) -> dict[str, Any]:
    answer = await client.get("/api/v1/auth/me",
                              headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert answer.status_code == 200, answer.text
    return answer.json()


async def signed_in(client, issuer: str, sub: str, claims: dict[str, Any]) -> Any:
    back = await authorize(issuer, await start(client), sub, claims)
    return await client.get(local_target(back))


async def test_a_verified_email_signs_in_to_the_account_of_its_magic_link(
        client, api: Api, issuer: str) -> None:
    by_link = await me(client, await api.sign_in("ada@example.com"))

    answer = await signed_in(client, issuer, "ada-google",
                             {"email": "Ada@Example.com", "email_verified": True})

    assert answer.status_code == 200, answer.text
    pair = answer.json()
    assert set(pair) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert (await me(client, pair))["id"] == by_link["id"]
    assert COOKIE not in client.cookies  # the sign-in is spent


async def test_the_authorization_request_is_code_flow_with_pkce_state_and_nonce(
        client, settings: Settings) -> None:
    url = await start(client)

    asked = query_of(url)
    assert asked["response_type"] == "code" and asked["client_id"] == CLIENT_ID
    assert asked["scope"] == "openid email profile"
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) == 43
    assert asked["redirect_uri"] == f"{settings.app_url}{CALLBACK}"
    assert len(asked["state"]) >= 43 and len(asked["nonce"]) >= 43
    cookie = next(c for c in client.cookies.jar if c.name == COOKIE)
    assert cookie.path == "/api/v1/auth/oidc" and cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.expires is not None and 590 < cookie.expires - time.time() <= 601


async def test_a_first_sign_in_creates_the_account_as_a_magic_link_would(
        client, issuer: str, fakes: Fakes) -> None:
    answer = await signed_in(client, issuer, "boss-google",
                             {"email": "boss@example.com", "email_verified": True})

    assert answer.status_code == 200, answer.text
    pair = answer.json()
    assert (await me(client, pair))["role"] == "admin"  # ADMIN_EMAILS
    balance = await client.get("/api/v1/billing/balance",
                               headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert balance.json()["credits"] == settings_for().signup_credits


@pytest.mark.parametrize("claims", [{"email": "eve@example.com", "email_verified": False},
                                    {"email": "eve@example.com"},
                                    {"email_verified": True}],
                         ids=["unverified", "verification-unsaid", "no-email"])
async def test_an_email_the_provider_did_not_verify_is_refused(
        client, issuer: str, claims: dict[str, Any]) -> None:
    answer = await signed_in(client, issuer, f"eve-{len(claims)}-{claims.get('email_verified')}",
                             claims)

    assert answer.status_code == 401, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert "verified" in answer.json()["detail"]


async def test_a_token_for_another_nonce_is_refused(client, issuer: str) -> None:
    url = with_query(await start(client), nonce="a-nonce-this-browser-never-made")
    back = await authorize(issuer, url, "nina", {"email": "nina@example.com",
                                                  "email_verified": True})

    answer = await client.get(local_target(back))

    assert answer.status_code == 401, answer.text
    assert "nonce" in answer.json()["detail"]


async def test_a_wrong_or_missing_state_is_refused(client, issuer: str) -> None:
    back = await authorize(issuer, await start(client), "sam",
                           {"email": "sam@example.com", "email_verified": True})

    wrong = await client.get(with_query(local_target(back), state="forged"))
    assert wrong.status_code == 400, wrong.text
    cookie = client.cookies.get(COOKIE)
    client.cookies.clear()
    without_cookie = await client.get(local_target(back))
    assert without_cookie.status_code == 400, without_cookie.text
    client.cookies.set(COOKIE, cookie[:-2] + "xx")  # a cookie not sealed by the service
    assert (await client.get(local_target(back))).status_code == 400


async def test_a_replayed_state_is_refused_even_with_its_cookie(client, issuer: str) -> None:
    back = await authorize(issuer, await start(client), "rita",
                           {"email": "rita@example.com", "email_verified": True})
    cookie = client.cookies.get(COOKIE)
    assert (await client.get(local_target(back))).status_code == 200

    client.cookies.set(COOKIE, cookie)
    replayed = await client.get(local_target(back))

    assert replayed.status_code == 400, replayed.text
    assert "already used" in replayed.json()["detail"]


async def test_a_sign_in_older_than_ten_minutes_is_refused(client, issuer: str,
                                                           fakes: Fakes) -> None:
    back = await authorize(issuer, await start(client), "olga",
                           {"email": "olga@example.com", "email_verified": True})
    fakes.clock.advance(minutes=10, seconds=1)

    assert (await client.get(local_target(back))).status_code == 400


async def test_the_person_declining_at_the_provider_is_refused(client, issuer: str) -> None:
    back = await authorize(issuer, await start(client), "dora", action="deny")

    answer = await client.get(local_target(back))

    assert answer.status_code == 401, answer.text
    assert "access_denied" in answer.json()["detail"]


async def test_a_blocked_account_is_refused(client, api: Api, issuer: str, fakes: Fakes) -> None:
    admin = await api.headers("boss@example.com")
    user = await me(client, await api.sign_in("bob@example.com"))
    blocked = await client.post(f"/api/v1/admin/users/{user['id']}/block", headers=admin,
                                json={"reason": "test"})
    assert blocked.status_code in (200, 204), blocked.text

    answer = await signed_in(client, issuer, "bob-google",
                             {"email": "bob@example.com", "email_verified": True})

    assert answer.status_code == 403, answer.text


@pytest.fixture
def local() -> Iterator[LocalProvider]:
    with LocalProvider() as provider:
        yield provider


@pytest.fixture
async def local_client(local: LocalProvider, fakes: Fakes) -> AsyncIterator[AsyncTestClient]:
    settings = settings_for(oidc_issuer=local.issuer, oidc_client_id=CLIENT_ID,
                            oidc_client_secret=CLIENT_SECRET)
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings),
                               base_url="http://testserver.local") as client:
        yield client
    await container.close()


async def test_a_token_from_the_local_provider_signs_in(local_client, local) -> None:
    asked = query_of(await start(local_client))
    local.claims = local.id_token_claims(asked["nonce"])

    answer = await local_client.get(f"{CALLBACK}?code=c&state={asked['state']}")

    assert answer.status_code == 200, answer.text
    assert (await me(local_client, answer.json()))["email"] == "lin@example.com"
    sent = local.token_requests[-1]  # PKCE: the verifier behind the challenge, at last
    challenge = base64.urlsafe_b64encode(hashlib.sha256(sent["code_verifier"].encode())
                                         .digest()).rstrip(b"=").decode()
    assert challenge == asked["code_challenge"] and sent["grant_type"] == "authorization_code"
    assert sent["redirect_uri"] == asked["redirect_uri"] and sent["code"] == "c"


async def test_keys_the_provider_rotated_in_are_fetched_again(local_client, local) -> None:
    from joserfc.jwk import RSAKey

    for kid in ("published", "rotated-in"):  # the first sign-in caches the first key set
        if kid != "published":
            local.published = local.signing_key = RSAKey.generate_key(
                2048, parameters={"kid": kid})
        asked = query_of(await start(local_client))
        local.claims = local.id_token_claims(asked["nonce"])
        answer = await local_client.get(f"{CALLBACK}?code=c&state={asked['state']}")
        assert answer.status_code == 200, (kid, answer.text)


@pytest.mark.parametrize(("changes", "reason"), [
    ({"exp": int(datetime.now(UTC).timestamp()) - 120}, "expired"),
    ({"aud": "another-client"}, "aud"),
    ({"iss": "https://issuer.example"}, "iss"),
], ids=["expired", "another-audience", "another-issuer"])
async def test_an_id_token_that_fails_a_check_is_refused(local_client, local,
                                                         changes: dict[str, Any],
                                                         reason: str) -> None:
    asked = query_of(await start(local_client))
    local.claims = local.id_token_claims(asked["nonce"], **changes)

    answer = await local_client.get(f"{CALLBACK}?code=c&state={asked['state']}")

    assert answer.status_code == 401, answer.text
    assert reason in answer.json()["detail"]


async def test_a_token_signed_with_a_key_not_in_the_jwks_is_refused(local_client,
                                                                   local) -> None:
    from joserfc.jwk import RSAKey

    asked = query_of(await start(local_client))
    local.claims = local.id_token_claims(asked["nonce"])
    local.signing_key = RSAKey.generate_key(2048, parameters={"kid": "published"})

    answer = await local_client.get(f"{CALLBACK}?code=c&state={asked['state']}")

    assert answer.status_code == 401, answer.text


async def test_a_provider_that_cannot_be_reached_is_a_503(fakes: Fakes) -> None:
    settings = settings_for(oidc_issuer="http://127.0.0.1:9", oidc_client_id=CLIENT_ID,
                            oidc_client_secret=CLIENT_SECRET)
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings),
                               base_url="http://testserver.local") as client:
        answer = await client.get(START, follow_redirects=False)
    await container.close()

    assert answer.status_code == 503, answer.text


async def test_without_a_configured_provider_start_is_a_404(fakes: Fakes) -> None:
    settings = settings_for()
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings),
                               base_url="http://testserver.local") as client:
        answer = await client.get(START, follow_redirects=False)
    await container.close()

    assert answer.status_code == 404, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_a_code_the_provider_does_not_know_is_refused(client, issuer: str) -> None:
    back = await authorize(issuer, await start(client), "cody",
                           {"email": "cody@example.com", "email_verified": True})

    answer = await client.get(with_query(local_target(back), code="not-a-code-it-issued"))

    assert answer.status_code == 401, answer.text
    assert "invalid_grant" in answer.json()["detail"]
