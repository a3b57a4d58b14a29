"""The account page: the display name, the data export (the API's own), signing out
everywhere, and deleting the account only with the e-mail typed again."""

import json

from tests.web.test_document_pages import created, token
from tests.web.test_sign_in_pages import sign_in


async def test_the_account_page_names_the_user_and_saves_the_display_name(
        client, fakes, api) -> None:
    await sign_in(client, fakes)
    page = (await client.get("/account")).text
    assert "ada@example.com" in page and '<label for="display_name">Display name</label>' in page

    saved = await client.post("/account/name", data={
        "display_name": "Ада Лавлейс", "_csrf_token": await token(client, "/account")},
        follow_redirects=False)

    assert saved.headers["location"] == "/account?saved=1"
    me = await client.get("/api/v1/auth/me", headers=await api.headers("ada@example.com"))
    assert me.json()["display_name"] == "Ада Лавлейс"


async def test_my_data_downloads_as_the_apis_export(client, fakes) -> None:
    document_id = await created(client, fakes)

    answer = await client.get("/account/export")

    assert answer.status_code == 200 and answer.headers["content-disposition"].startswith(
        "attachment")
    data = json.loads(answer.content)
    assert set(data) >= {"user", "documents", "jobs", "payments", "ledger", "sessions", "audit"}
    assert [d["id"] for d in data["documents"]] == [document_id]


async def test_deleting_asks_for_the_email_and_then_erases_and_signs_out(
        client, fakes, api) -> None:
    await created(client, fakes)
    wrong = await client.post("/account/delete", data={
        "confirm": "someone@example.com", "_csrf_token": await token(client, "/account")})
    assert wrong.status_code == 422 and 'role="alert"' in wrong.text
    assert (await client.get("/documents")).status_code == 200  # still there

    done = await client.post("/account/delete", data={
        "confirm": "ADA@example.com", "_csrf_token": await token(client, "/account")},
        follow_redirects=False)

    assert done.headers["location"] == "/?deleted=1"
    assert "deleted" in (await client.get("/?deleted=1")).text
    assert (await client.get("/documents", follow_redirects=False)).headers["location"] == "/"
    fresh = await client.get("/api/v1/documents", headers=await api.headers("ada@example.com"))
    assert fresh.json()["items"] == []  # signing in again finds a new, empty account


async def test_signing_out_everywhere_ends_the_apis_sessions_too(client, fakes, api) -> None:
    bearer = await api.sign_in("ada@example.com")
    await sign_in(client, fakes)

    answer = await client.post("/account/sign-out-everywhere", data={
        "_csrf_token": await token(client, "/account")}, follow_redirects=False)

    assert answer.headers["location"] == "/"
    refresh = await client.post("/api/v1/auth/refresh",
                                json={"refresh_token": bearer["refresh_token"]})
    assert refresh.status_code == 401
    assert (await client.get("/documents", follow_redirects=False)).status_code in (302, 303)
