"""GET /api/v1/auth/me/export: every kind of data held about the user, and no secret."""

from adapters.memory.database import REFRESH_TOKENS, SESSION_FAMILIES

DOCS = "/api/v1/documents"
SPEC = {"title": "Bridges", "topic": "Suspension bridges in Europe", "kind": "essay",
        "language": "en", "target_words": 600, "citation_style": "apa"}
KEYS = {"user", "documents", "jobs", "payments", "ledger", "sessions", "audit", "revisions"}


async def test_the_export_holds_every_kind_of_data_and_no_secret(client, api, fakes) -> None:
    first = await api.sign_in("ada@example.com")
    second = await api.sign_in("ada@example.com")  # a second session
    ada = {"Authorization": f"Bearer {second['access_token']}"}
    ada_id = (await client.get("/api/v1/auth/me", headers=ada)).json()["id"]
    document = (await client.post(DOCS, json=SPEC, headers=ada)).json()
    assert (await client.post(f"{DOCS}/{document['id']}/outline", headers=ada)).is_success
    assert (await client.post(f"{DOCS}/{document['id']}/sections/1/generate",
                              headers=ada)).is_success
    job = (await client.post(f"{DOCS}/{document['id']}/generate", headers=ada)).json()
    payment = (await client.post("/api/v1/billing/checkout", json={"package_id": "starter"},
                                 headers=ada)).json()
    boss = await api.headers("boss@example.com")
    granted = await client.post(f"/api/v1/admin/users/{ada_id}/credits", headers=boss,
                                json={"amount": 500, "reason": "goodwill"})
    assert granted.status_code == 200, granted.text
    await api.sign_in("eve@example.com")  # someone else's data must stay out

    response = await client.get("/api/v1/auth/me/export", headers=ada)

    assert response.status_code == 200, response.text
    data = response.json()
    assert set(data) == KEYS
    assert data["user"]["email"] == "ada@example.com"
    [exported] = data["documents"]
    assert exported["id"] == document["id"]
    assert exported["sections"][0]["text"] and exported["sources"]
    assert [j["id"] for j in data["jobs"]] == [job["id"]]
    assert [p["id"] for p in data["payments"]] == [payment["payment_id"]]
    reasons = {entry["reason"] for entry in data["ledger"]}
    assert {"signup", "usage", "grant"} <= reasons  # the outline and section were paid for
    assert next(e for e in data["ledger"] if e["reason"] == "grant")["delta"] == 500
    assert len(data["sessions"]) == 2
    assert all(s["revoked_at"] is None for s in data["sessions"])
    actions = [entry["action"] for entry in data["audit"]]
    assert actions.count("auth.signed_in") == 2 and "user.registered" in actions
    by_admin = next(e for e in data["audit"] if e["action"] == "admin.credits_adjusted")
    assert by_admin["target"] == f"user:{ada_id}" and by_admin["ip"] is None
    assert all(e["actor_id"] in (ada_id, None) or e is by_admin for e in data["audit"])

    body = response.text
    for digest in [*fakes.db.tables[REFRESH_TOKENS],
                   *(f.current_digest for f in fakes.db.tables[SESSION_FAMILIES].values())]:
        assert digest not in body
    for token in (first["refresh_token"], second["refresh_token"], second["access_token"]):
        assert token not in body
    assert "digest" not in body and "eve@example.com" not in body
