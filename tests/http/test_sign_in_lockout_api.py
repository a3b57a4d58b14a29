VERIFY = "/api/v1/auth/verify-magic-link"
BAD = {"token": "x" * 43}


async def test_failed_tokens_lock_the_address_out_with_retry_after(client, api) -> None:
    good = await api.link_token("ada@example.com")
    answers = [(await client.post(VERIFY, json=BAD)).status_code for _ in range(5)]
    assert answers == [400] * 5

    locked = await client.post(VERIFY, json={"token": good})

    assert locked.status_code == 429
    assert locked.headers["retry-after"] == "900"
    assert locked.headers["content-type"].startswith("application/problem+json")
    assert "failed sign-in attempts" in locked.json()["detail"]


async def test_the_lockout_threshold_is_a_setting(fakes) -> None:
    from litestar.testing import AsyncTestClient
    from tests.memory_container import memory_container, settings_for

    from entrypoints.http.app import create_app

    settings = settings_for(signin_lockout_after=2, signin_lockout_s=60)
    container = memory_container(fakes, settings)
    async with AsyncTestClient(app=create_app(container, settings)) as client:
        answers = [(await client.post(VERIFY, json=BAD)).status_code for _ in range(3)]
        assert answers == [400, 400, 429]
        assert (await client.post(VERIFY, json=BAD)).headers["retry-after"] == "60"
    await container.close()
