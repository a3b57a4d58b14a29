"""The admin API over the in-memory container: figures, users, blocking and the audit log."""

from datetime import datetime

import pytest
from tests.http.conftest import Api

from domain.jobs import JobState

GHOST = "00000000-0000-4000-8000-00000000beef"
USER_FIELDS = {"id", "email", "display_name", "role", "created_at"}
AUDIT_FIELDS = {"id", "at", "actor_id", "action", "target", "ip", "details"}
ENDPOINTS = [("GET", "/api/v1/admin/stats"), ("GET", "/api/v1/admin/users"),
             ("POST", f"/api/v1/admin/users/{GHOST}/block"),
             ("POST", f"/api/v1/admin/users/{GHOST}/unblock"),
             ("GET", "/api/v1/admin/audit-log")]


async def signed_in(client, api: Api, fakes, email: str = "ada@example.com"):
    """Signs `email` in a second after the last one; the tokens, headers and user id."""
    fakes.clock.advance(seconds=1)
    pair = await api.sign_in(email)
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    me = (await client.get("/api/v1/auth/me", headers=headers)).json()
    return pair, headers, me["id"]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
async def test_every_admin_endpoint_needs_a_token(client, method, path) -> None:
    response = await client.request(method, path)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
async def test_every_admin_endpoint_refuses_a_normal_user(client, api, method, path) -> None:
    response = await client.request(method, path, headers=await api.headers())
    assert response.status_code == 403
    assert "Only admins" in response.json()["detail"]


async def test_stats_have_exactly_the_documented_shape(client, api, fakes) -> None:
    _, ada, _ = await signed_in(client, api, fakes)
    _, boss, _ = await signed_in(client, api, fakes, "boss@example.com")
    document = {"title": "Bridges", "topic": "Bridges", "kind": "essay", "language": "en",
                "target_words": 1500, "citation_style": "apa"}
    assert (await client.post("/api/v1/documents", json=document, headers=ada)).status_code == 201

    response = await client.get("/api/v1/admin/stats", headers=boss)

    assert response.status_code == 200
    assert response.json() == {"users": 2, "documents": 1,
                               "jobs": {state.value: 0 for state in JobState},
                               "tokens_today": 0, "revenue": {}, "mrr": {}, "subscribers": {}}


async def test_users_page_newest_first_with_total_blocked_and_credits(
        client, api, fakes) -> None:
    ids = [(await signed_in(client, api, fakes, f"{name}@example.com"))[2]
           for name in ("ada", "bob", "cy")]
    _, boss, boss_id = await signed_in(client, api, fakes, "boss@example.com")
    grant = {"amount": 2500, "reason": "goodwill"}
    assert (await client.post(f"/api/v1/admin/users/{ids[0]}/credits", json=grant,
                              headers=boss)).status_code == 200
    assert (await client.post(f"/api/v1/admin/users/{ids[1]}/block",
                              headers=boss)).status_code == 200

    first = (await client.get("/api/v1/admin/users?limit=3", headers=boss)).json()
    last = (await client.get("/api/v1/admin/users?limit=3&offset=3", headers=boss)).json()

    assert set(first) == set(last) == {"items", "total"}
    assert first["total"] == last["total"] == 4
    items = first["items"] + last["items"]
    assert [item["id"] for item in items] == [boss_id, *reversed(ids)]
    assert all(set(item) == USER_FIELDS | {"blocked", "credits"} for item in items)
    assert [item["blocked"] for item in items] == [False, False, True, False]
    signup = items[0]["credits"]
    assert [item["credits"] for item in items] == [signup, signup, signup, signup + 2500]
    assert items[3]["email"] == "ada@example.com" and items[3]["role"] == "user"
    assert items[0]["role"] == "admin"


@pytest.mark.parametrize("path", ["/api/v1/admin/users", "/api/v1/admin/audit-log"])
@pytest.mark.parametrize("query", ["limit=0", "limit=101", "offset=-1", "limit=ten"])
async def test_paging_out_of_range_is_422(client, api, path, query) -> None:
    response = await client.get(f"{path}?{query}", headers=await api.headers("boss@example.com"))
    assert response.status_code == 422
    assert query.split("=")[0] in response.json()["detail"]


async def test_audit_log_pages_newest_first(client, api, fakes) -> None:
    *_, ada_id = await signed_in(client, api, fakes)
    _, boss, boss_id = await signed_in(client, api, fakes, "boss@example.com")
    fakes.clock.advance(seconds=1)
    await client.post(f"/api/v1/admin/users/{ada_id}/block", headers=boss)
    fakes.clock.advance(seconds=1)
    await client.post(f"/api/v1/admin/users/{ada_id}/unblock", headers=boss)

    first = (await client.get("/api/v1/admin/audit-log?limit=2", headers=boss)).json()
    everything = (await client.get("/api/v1/admin/audit-log?limit=100", headers=boss)).json()

    assert set(first) == {"items", "total"} and first["total"] == len(everything["items"]) > 4
    assert first["items"] == everything["items"][:2]
    unblocked, blocked = first["items"]
    assert all(set(entry) == AUDIT_FIELDS for entry in everything["items"])
    assert (unblocked["action"], blocked["action"]) == ("admin.user_unblocked",
                                                        "admin.user_blocked")
    assert blocked["actor_id"] == boss_id and blocked["target"] == f"user:{ada_id}"
    assert blocked["ip"] and blocked["details"] == {"sessions_revoked": 1}
    moments = [datetime.fromisoformat(entry["at"]) for entry in everything["items"]]
    assert moments == sorted(moments, reverse=True) and moments[0].utcoffset() is not None


async def test_an_erased_actor_is_null_in_the_audit_log(client, api, fakes) -> None:
    _, ada, ada_id = await signed_in(client, api, fakes)
    boss = await api.headers("boss@example.com")
    assert (await client.delete("/api/v1/auth/me", headers=ada)).status_code == 204

    entries = (await client.get("/api/v1/admin/audit-log", headers=boss)).json()["items"]

    adas = [entry for entry in entries if entry["target"] in (ada_id, f"user:{ada_id}")]
    assert adas and all(entry["actor_id"] is None for entry in adas)


async def test_block_and_unblock_round_trip(client, api, fakes) -> None:
    pair, ada, ada_id = await signed_in(client, api, fakes)
    _, boss, _ = await signed_in(client, api, fakes, "boss@example.com")
    block, unblock = (f"/api/v1/admin/users/{ada_id}/{verb}" for verb in ("block", "unblock"))

    blocked = await client.post(block, headers=boss)
    assert blocked.status_code == 200
    assert set(blocked.json()) == USER_FIELDS and blocked.json()["id"] == ada_id
    assert (await client.post(block, headers=boss)).status_code == 200  # idempotent
    assert (await client.get("/api/v1/auth/me", headers=ada)).status_code == 401
    refresh = await client.post("/api/v1/auth/refresh",
                                json={"refresh_token": pair["refresh_token"]})
    assert refresh.status_code == 401
    sent = len(fakes.mailer.sent)
    link = await client.post("/api/v1/auth/magic-link", json={"email": "ada@example.com"})
    assert link.status_code == 202 and len(fakes.mailer.sent) == sent

    unblocked = await client.post(unblock, headers=boss)
    assert unblocked.status_code == 200 and unblocked.json() == blocked.json()
    _, again, again_id = await signed_in(client, api, fakes)
    assert again_id == ada_id
    assert (await client.get("/api/v1/auth/me", headers=again)).status_code == 200


async def test_block_refuses_the_admin_themselves_and_unknown_users(client, api, fakes) -> None:
    _, boss, boss_id = await signed_in(client, api, fakes, "boss@example.com")

    itself = await client.post(f"/api/v1/admin/users/{boss_id}/block", headers=boss)
    assert itself.status_code == 422
    assert "cannot block their own account" in itself.json()["detail"]
    assert (await client.get("/api/v1/auth/me", headers=boss)).status_code == 200
    for verb in ("block", "unblock"):
        ghost = await client.post(f"/api/v1/admin/users/{GHOST}/{verb}", headers=boss)
        assert ghost.status_code == 404
