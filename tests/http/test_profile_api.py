"""PATCH /api/v1/auth/me (the display name) and the `title_page` of documents over HTTP."""

import pytest

ME = "/api/v1/auth/me"
DOCS = "/api/v1/documents"
SPEC = {"title": "Bridges", "topic": "Suspension bridges in Europe", "kind": "coursework",
        "language": "uk", "target_words": 1500, "citation_style": "gost"}
EMPTY_PAGE = dict.fromkeys(
    ("author", "institution", "faculty", "department", "supervisor", "city", "year"))
PAGE = {"author": "Олена Коваленко", "institution": "КНУ імені Тараса Шевченка",
        "faculty": "Факультет інформаційних технологій",
        "department": "Кафедра програмних систем", "supervisor": "Петренко П. П.",
        "city": "Київ", "year": 2024}


def problem_names(response, field: str) -> None:
    assert response.status_code in (400, 422), response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in response.text


async def test_the_display_name_is_set_shown_everywhere_and_cleared(client, api) -> None:
    ada = await api.headers("ada@example.com")
    assert (await client.get(ME, headers=ada)).json()["display_name"] is None

    response = await client.patch(ME, json={"display_name": "  Ada   Lovelace "}, headers=ada)

    assert response.status_code == 200, response.text
    user = response.json()
    assert user["display_name"] == "Ada Lovelace" and user["email"] == "ada@example.com"
    assert set(user) == {"id", "email", "display_name", "role", "created_at"}
    assert (await client.get(ME, headers=ada)).json() == user
    assert (await client.get(f"{ME}/export", headers=ada)).json()["user"] == user
    boss = await api.headers("boss@example.com")
    listed = (await client.get("/api/v1/admin/users", headers=boss)).json()["items"]
    assert next(u for u in listed if u["id"] == user["id"])["display_name"] == "Ada Lovelace"

    cleared = await client.patch(ME, json={"display_name": None}, headers=ada)
    assert cleared.status_code == 200 and cleared.json()["display_name"] is None
    blank = await client.patch(ME, json={"display_name": "   "}, headers=ada)
    assert blank.status_code == 200 and blank.json()["display_name"] is None


async def test_an_empty_patch_changes_nothing(client, api) -> None:
    ada = await api.headers()
    await client.patch(ME, json={"display_name": "Ada"}, headers=ada)
    response = await client.patch(ME, json={}, headers=ada)
    assert response.status_code == 200 and response.json()["display_name"] == "Ada"


@pytest.mark.parametrize("body", [
    {"display_name": "x" * 101}, {"display_name": "Ada\u0000"}, {"display_name": "A\u001bda"},
    {"display_name": 42}, {"display_name": ["Ada"]}, {"name": "Ada"},
    {"display_name": "Ada", "email": "eve@example.com"}])
async def test_a_bad_profile_is_refused_naming_the_field(client, api, body) -> None:
    ada = await api.headers()
    response = await client.patch(ME, json=body, headers=ada)
    problem_names(response, next(iter(body)) if "email" not in body else "email")
    assert (await client.get(ME, headers=ada)).json()["display_name"] is None


async def test_the_profile_needs_a_signed_in_caller(client) -> None:
    assert (await client.patch(ME, json={"display_name": "Eve"})).status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert (await client.patch(ME, json={"display_name": "Eve"}, headers=bad)).status_code == 401


async def test_a_document_carries_its_title_page_and_patches_merge_into_it(client, api) -> None:
    bearer = await api.headers()
    created = await client.post(DOCS, json={**SPEC, "title_page": PAGE}, headers=bearer)
    assert created.status_code == 201, created.text
    document = created.json()
    assert document["title_page"] == PAGE
    url = f"{DOCS}/{document['id']}"

    patched = await client.patch(url, json={"title_page": {"city": "Львів", "year": 2025}},
                                 headers=bearer)

    assert patched.status_code == 200, patched.text
    assert patched.json()["title_page"] == {**PAGE, "city": "Львів", "year": 2025}
    assert patched.json()["revision"] == document["revision"] + 1
    cleared = await client.patch(url, json={"title_page": {"supervisor": None}}, headers=bearer)
    expected = {**PAGE, "city": "Львів", "year": 2025, "supervisor": None}
    assert cleared.json()["title_page"] == expected
    assert (await client.get(url, headers=bearer)).json()["title_page"] == expected
    listed = (await client.get(DOCS, headers=bearer)).json()["items"]
    assert listed[0]["title_page"] == expected
    emptied = await client.patch(url, json={"title_page": None}, headers=bearer)
    assert emptied.json()["title_page"] == EMPTY_PAGE


async def test_without_a_title_page_every_field_is_null_and_author_is_the_profile_name(
        client, api) -> None:
    bearer = await api.headers()
    plain = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    assert plain["title_page"] == EMPTY_PAGE
    await client.patch(ME, json={"display_name": "Олена Коваленко"}, headers=bearer)
    named = (await client.post(DOCS, json={**SPEC, "title_page": {"city": "Київ"}},
                               headers=bearer)).json()
    assert named["title_page"] == {**EMPTY_PAGE, "author": "Олена Коваленко", "city": "Київ"}


@pytest.mark.parametrize(("page", "field"), [
    ({"year": 1899}, "year"), ({"year": 2101}, "year"), ({"year": "next year"}, "year"),
    ({"city": "x" * 301}, "city"), ({"supervisor": "Dr\u0000 No"}, "supervisor"),
    ({"publisher": "Kyiv"}, "publisher")])
async def test_a_bad_title_page_is_refused_on_create_and_patch(client, api, page, field) -> None:
    bearer = await api.headers()
    problem_names(await client.post(DOCS, json={**SPEC, "title_page": page}, headers=bearer),
                  field)
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    url = f"{DOCS}/{document['id']}"
    problem_names(await client.patch(url, json={"title_page": page}, headers=bearer), field)
    assert (await client.get(url, headers=bearer)).json()["title_page"] == EMPTY_PAGE
