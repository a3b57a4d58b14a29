"""The second factor over HTTP with the in-memory container: with ADMIN_2FA_REQUIRED an
admin reaches /api/v1/admin/* only after /2fa/verify; anyone can enrol, gaining nothing
else; wrong codes are limited with 429 and Retry-After."""

from typing import Any

import pyotp
import pytest
from tests.http.conftest import Api
from tests.memory_container import settings_for

BOSS = "boss@example.com"  # an admin in the test settings (ADMIN_EMAILS)
TWO_FA = "/api/v1/auth/2fa"


@pytest.fixture
def settings():
    return settings_for(admin_2fa_required=True)


def bearer(pair: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def switched_on(client, fakes, headers) -> tuple[pyotp.TOTP, list[str]]:
    enrolment = await client.post(f"{TWO_FA}/enrol", headers=headers)
    assert enrolment.status_code == 200, enrolment.text
    assert set(enrolment.json()) == {"provisioning_uri", "secret"}
    totp = pyotp.TOTP(enrolment.json()["secret"])
    confirmed = await client.post(f"{TWO_FA}/confirm", headers=headers,
                                  json={"code": totp.at(fakes.clock.now())})
    assert confirmed.status_code == 200, confirmed.text
    fakes.clock.advance(seconds=30)
    return totp, confirmed.json()["recovery_codes"]


async def test_an_admin_without_the_factor_is_refused_and_with_it_let_in(
        client, api: Api, fakes) -> None:
    pair = await api.sign_in(BOSS)
    before = await client.get("/api/v1/admin/users", headers=bearer(pair))
    assert before.status_code == 403 and "Only admins" in before.json()["detail"]
    assert (await client.get("/api/v1/auth/me", headers=bearer(pair))).json()["role"] == "user"

    totp, codes = await switched_on(client, fakes, bearer(pair))
    assert len(codes) == 10
    assert (await client.get(TWO_FA, headers=bearer(pair))).json() == {
        "enabled": True, "recovery_codes_left": 10}
    still = await client.get("/api/v1/admin/users", headers=bearer(pair))
    assert still.status_code == 403  # enrolling is not passing the factor

    verified = await client.post(f"{TWO_FA}/verify", headers=bearer(pair),
                                 json={"code": totp.at(fakes.clock.now())})
    assert verified.status_code == 200, verified.text
    admin = bearer(verified.json())
    assert (await client.get("/api/v1/admin/users", headers=admin)).status_code == 200
    assert (await client.get("/api/v1/auth/me", headers=admin)).json()["role"] == "admin"

    refreshed = await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": verified.json()["refresh_token"]})
    assert (await client.get("/api/v1/admin/stats",
                             headers=bearer(refreshed.json()))).status_code == 200


async def test_a_code_is_not_accepted_twice(client, api: Api, fakes) -> None:
    headers = bearer(await api.sign_in(BOSS))
    totp, _ = await switched_on(client, fakes, headers)
    code = totp.at(fakes.clock.now())
    assert (await client.post(f"{TWO_FA}/verify", headers=headers,
                              json={"code": code})).status_code == 200
    again = await client.post(f"{TWO_FA}/verify", headers=headers, json={"code": code})
    assert again.status_code == 422 and "already used" in again.json()["detail"]


async def test_a_recovery_code_gets_an_admin_in_once(client, api: Api, fakes) -> None:
    headers = bearer(await api.sign_in(BOSS))
    _, codes = await switched_on(client, fakes, headers)
    verified = await client.post(f"{TWO_FA}/verify", headers=headers, json={"code": codes[0]})
    assert verified.status_code == 200
    assert (await client.get("/api/v1/admin/users",
                             headers=bearer(verified.json()))).status_code == 200
    again = await client.post(f"{TWO_FA}/verify", headers=headers, json={"code": codes[0]})
    assert again.status_code == 422
    assert (await client.get(TWO_FA, headers=headers)).json()["recovery_codes_left"] == 9


async def test_a_user_who_is_no_admin_can_enrol_and_gains_nothing(
        client, api: Api, fakes) -> None:
    headers = bearer(await api.sign_in())
    totp, _ = await switched_on(client, fakes, headers)
    verified = await client.post(f"{TWO_FA}/verify", headers=headers,
                                 json={"code": totp.at(fakes.clock.now())})
    assert verified.status_code == 200
    me = await client.get("/api/v1/auth/me", headers=bearer(verified.json()))
    assert me.json()["role"] == "user"
    assert (await client.get("/api/v1/admin/users",
                             headers=bearer(verified.json()))).status_code == 403


async def test_wrong_codes_are_limited_with_retry_after(client, api: Api, fakes) -> None:
    headers = bearer(await api.sign_in())
    totp, _ = await switched_on(client, fakes, headers)
    near = {totp.at(int(fakes.clock.now().timestamp()) + s) for s in (-30, 0, 30)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in near)
    for _ in range(5):
        answer = await client.post(f"{TWO_FA}/verify", headers=headers, json={"code": wrong})
        assert answer.status_code == 422
        assert answer.json()["errors"][0]["field"] == "code"
    locked = await client.post(f"{TWO_FA}/verify", headers=headers,
                               json={"code": totp.at(fakes.clock.now())})
    assert locked.status_code == 429 and 0 < int(locked.headers["Retry-After"]) <= 900


async def test_switching_off_needs_a_code_and_then_status_is_off(client, api: Api, fakes) -> None:
    headers = bearer(await api.sign_in())
    totp, _ = await switched_on(client, fakes, headers)
    refused = await client.request("DELETE", TWO_FA, headers=headers, json={"code": "12345a"})
    assert refused.status_code == 422
    done = await client.request("DELETE", TWO_FA, headers=headers,
                                json={"code": totp.at(fakes.clock.now())})
    assert done.status_code == 204, done.text
    assert (await client.get(TWO_FA, headers=headers)).json() == {
        "enabled": False, "recovery_codes_left": 0}
    again = await client.post(f"{TWO_FA}/verify", headers=headers, json={"code": "123456"})
    assert again.status_code == 409


@pytest.mark.parametrize(("method", "path"), [
    ("GET", TWO_FA), ("POST", f"{TWO_FA}/enrol"), ("POST", f"{TWO_FA}/confirm"),
    ("POST", f"{TWO_FA}/verify"), ("DELETE", TWO_FA)])
async def test_every_endpoint_needs_a_token(client, method, path) -> None:
    response = await client.request(method, path, json={"code": "123456"})
    assert response.status_code == 401


async def test_enrolling_twice_while_on_is_a_conflict(client, api: Api, fakes) -> None:
    headers = bearer(await api.sign_in())
    await switched_on(client, fakes, headers)
    assert (await client.post(f"{TWO_FA}/enrol", headers=headers)).status_code == 409


async def test_the_endpoints_are_in_the_openapi_document(client) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    assert {"get", "delete"} <= set(schema["paths"][TWO_FA])
    for action in ("enrol", "confirm", "verify"):
        operation = schema["paths"][f"{TWO_FA}/{action}"]["post"]
        assert "200" in operation["responses"] and "429" in operation["responses"]
    assert "503" in schema["paths"][f"{TWO_FA}/enrol"]["post"]["responses"]


class TestWithoutTheRequirement:
    @pytest.fixture
    def settings(self):
        return settings_for()  # ENVIRONMENT=test: ADMIN_2FA_REQUIRED is off by default

    async def test_an_admin_needs_no_second_factor(self, client, api: Api) -> None:
        headers = bearer(await api.sign_in(BOSS))
        assert (await client.get("/api/v1/admin/users", headers=headers)).status_code == 200
