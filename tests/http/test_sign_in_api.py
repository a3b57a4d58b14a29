import pytest
from tests.memory_container import settings_for

MAGIC = "/api/v1/auth/magic-link"
VERIFY = "/api/v1/auth/verify-magic-link"
REFRESH = "/api/v1/auth/refresh"


async def test_the_answer_is_the_same_for_known_and_unknown_addresses(client, api) -> None:
    await api.sign_in("known@example.com")
    known = await client.post(MAGIC, json={"email": "known@example.com"})
    unknown = await client.post(MAGIC, json={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert set(known.headers) == set(unknown.headers)


async def test_the_link_is_never_in_the_response(client, fakes) -> None:
    response = await client.post(MAGIC, json={"email": "ada@example.com"})
    [mail] = fakes.mailer.sent  # the e-mail this very request sent
    token = mail.text.split("token=")[1].split()[0]
    assert len(token) >= 43
    assert token not in response.text
    assert token not in str(response.headers)


async def test_sign_in_refresh_and_me(client, api) -> None:
    pair = await api.sign_in("ada@example.com")
    assert pair["token_type"] == "bearer" and pair["expires_in"] == 900
    me = await client.get("/api/v1/auth/me",
                          headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == "ada@example.com" and me.json()["role"] == "user"
    rotated = await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
    assert rotated.status_code == 200
    assert rotated.json()["refresh_token"] != pair["refresh_token"]


async def test_a_used_or_unknown_token_answers_400(client, api) -> None:
    token = await api.link_token("ada@example.com")
    assert (await client.post(VERIFY, json={"token": token})).status_code == 200
    again = await client.post(VERIFY, json={"token": token})
    assert again.status_code == 400
    assert again.headers["content-type"].startswith("application/problem+json")
    assert (await client.post(VERIFY, json={"token": "z" * 43})).status_code == 400


async def test_reuse_of_a_rotated_out_refresh_token_answers_401_and_kills_the_family(
        client, api, fakes) -> None:
    pair = await api.sign_in()
    new = (await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})).json()
    fakes.clock.advance(seconds=11)  # past REFRESH_REUSE_GRACE_S
    assert (await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
            ).status_code == 401
    assert (await client.post(REFRESH, json={"refresh_token": new["refresh_token"]})
            ).status_code == 401


async def test_logout_and_logout_all(client, api) -> None:
    pair = await api.sign_in()
    other = await api.sign_in()
    assert (await client.post("/api/v1/auth/logout",
                              json={"refresh_token": pair["refresh_token"]})).status_code == 204
    assert (await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
            ).status_code == 401
    bearer = {"Authorization": f"Bearer {other['access_token']}"}
    assert (await client.post("/api/v1/auth/logout-all", headers=bearer)).status_code == 204
    me = await client.get("/api/v1/auth/me", headers=bearer)
    assert me.status_code == 401
    assert me.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nonsense", "Basic abc",
                                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."])
async def test_bad_credentials_answer_401(client, header) -> None:
    headers = {"Authorization": header} if header else {}
    response = await client.get("/api/v1/auth/me", headers=headers)
    assert response.status_code == 401
    assert response.json()["status"] == 401


@pytest.mark.parametrize("body", [{}, {"email": "not-an-address"}, {"email": 5},
                                  {"email": "a@b.com", "extra": 1}])
async def test_bad_sign_in_input_is_a_clear_4xx(client, body) -> None:
    response = await client.post(MAGIC, json=body)
    assert response.status_code in (400, 422)
    problem = response.json()
    assert problem["detail"] and problem["title"]
    assert "email" in response.text or "extra" in response.text


async def test_malformed_json_is_400_not_500(client) -> None:
    response = await client.post(MAGIC, content=b"{not json",
                                 headers={"Content-Type": "application/json"})
    assert response.status_code == 400


async def test_per_address_limit_answers_429_with_retry_after(client) -> None:
    for _ in range(5):
        assert (await client.post(MAGIC, json={"email": "ada@example.com"})).status_code == 202
    refused = await client.post(MAGIC, json={"email": "ADA@example.com"})
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 3600


async def test_blocked_account_cannot_sign_in(client, api, fakes) -> None:
    from adapters.memory.database import USERS

    token = await api.link_token("ada@example.com")
    await api.sign_in("ada@example.com")
    bearer = await api.headers("ada@example.com")
    [user] = fakes.db.tables[USERS].values()
    fakes.db.tables[USERS][user.id] = user.block()
    assert (await client.post(VERIFY, json={"token": token})).status_code in (400, 403)
    assert (await client.get("/api/v1/auth/me", headers=bearer)).status_code == 401


async def test_per_ip_limit_on_sign_in(fakes) -> None:
    from litestar.testing import AsyncTestClient
    from tests.memory_container import memory_container

    from entrypoints.http.app import create_app

    settings = settings_for(rate_limit_signin="3/minute")
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings)) as client:
        answers = [(await client.post(MAGIC, json={"email": f"u{i}@example.com"})).status_code
                   for i in range(4)]
        assert answers == [202, 202, 202, 429]
        refused = await client.post(VERIFY, json={"token": "y" * 43})
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    await container.close()


async def test_api_limit_counts_per_caller_with_rate_limit_headers(fakes) -> None:
    from litestar.testing import AsyncTestClient
    from tests.memory_container import memory_container

    from entrypoints.http.app import create_app

    settings = settings_for(rate_limit_api="3/minute")
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings)) as client:
        answers = [await client.get("/api/v1/documents", headers={"Authorization": "Bearer x"})
                   for _ in range(4)]
        assert [a.status_code for a in answers] == [401, 401, 401, 429]
        assert [a.headers["ratelimit-remaining"] for a in answers] == ["2", "1", "0", "0"]
        assert {a.headers["ratelimit-limit"] for a in answers} == {"3"}
        assert answers[0].headers["ratelimit-policy"] == "3; w=60"
        assert 0 < int(answers[3].headers["retry-after"]) <= 60
        # a token that is not genuine names no user: the caller is counted by address
        other = await client.get("/api/v1/documents", headers={"Authorization": "Bearer y"})
        assert other.status_code == 429
    await container.close()


async def test_two_tabs_refreshing_at_once_stay_signed_in(client, api) -> None:
    import asyncio

    pair = await api.sign_in()
    answers = await asyncio.gather(*(client.post(REFRESH,
                                                 json={"refresh_token": pair["refresh_token"]})
                                     for _ in range(16)))  # within the per-IP limit
    assert {a.status_code for a in answers} == {200}
    [successor] = {a.json()["refresh_token"] for a in answers}
    again = await client.post(REFRESH, json={"refresh_token": successor})
    assert again.status_code == 200
