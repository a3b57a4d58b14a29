import pytest

DOCS = "/api/v1/documents"
SPEC = {"title": "Bridges", "topic": "Suspension bridges in Europe", "kind": "essay",
        "language": "en", "target_words": 1500, "citation_style": "apa"}


async def test_create_get_update_delete(client, api) -> None:
    bearer = await api.headers()
    created = await client.post(DOCS, json=SPEC, headers=bearer)
    assert created.status_code == 201, created.text
    document = created.json()
    assert document["status"] == "draft" and document["sections"] == []
    assert {k: document[k] for k in SPEC} == SPEC
    url = f"{DOCS}/{document['id']}"
    assert (await client.get(url, headers=bearer)).json() == document
    patched = await client.patch(url, json={"title": "Arches", "instructions": "Be brief"},
                                 headers=bearer)
    assert patched.status_code == 200
    assert patched.json()["title"] == "Arches" and patched.json()["instructions"] == "Be brief"
    assert patched.json()["topic"] == SPEC["topic"]
    assert (await client.delete(url, headers=bearer)).status_code == 204
    assert (await client.get(url, headers=bearer)).status_code == 404


async def test_list_is_paginated_newest_first(client, api, fakes) -> None:
    bearer = await api.headers()
    for n in range(5):
        fakes.clock.advance(seconds=1)
        await client.post(DOCS, json={**SPEC, "title": f"Doc {n}"}, headers=bearer)
    page = (await client.get(DOCS, params={"limit": 2, "offset": 1}, headers=bearer)).json()
    assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == 1
    assert [d["title"] for d in page["items"]] == ["Doc 3", "Doc 2"]
    assert all("sections" not in d for d in page["items"])


@pytest.mark.parametrize(("params", "field"), [({"limit": 0}, "limit"), ({"limit": 101}, "limit"),
                                               ({"offset": -1}, "offset")])
async def test_bad_paging_is_422(client, api, params, field) -> None:
    response = await client.get(DOCS, params=params, headers=await api.headers())
    assert response.status_code == 422
    assert field in response.text


async def test_another_users_document_is_404_on_every_path(client, api) -> None:
    alice, bob = await api.headers("alice@example.com"), await api.headers("bob@example.com")
    document = (await client.post(DOCS, json=SPEC, headers=alice)).json()
    url = f"{DOCS}/{document['id']}"
    assert (await client.get(url, headers=bob)).status_code == 404
    assert (await client.patch(url, json={"title": "Mine"}, headers=bob)).status_code == 404
    assert (await client.delete(url, headers=bob)).status_code == 404
    listed = (await client.get(DOCS, headers=bob)).json()
    assert listed["total"] == 0
    assert (await client.get(url, headers=alice)).json()["title"] == "Bridges"


@pytest.mark.parametrize(("change", "field"), [
    ({"target_words": 10}, "target_words"), ({"target_words": 200_000}, "target_words"),
    ({"kind": "novel"}, "kind"), ({"citation_style": "vancouver"}, "citation_style"),
    ({"language": "english"}, "language"), ({"language": "xx"}, "language"),
    ({"title": ""}, "title"), ({"title": "   "}, "title"), ({"owner": "x"}, "owner"),
])
async def test_validation_names_the_field(client, api, change, field) -> None:
    response = await client.post(DOCS, json={**SPEC, **change}, headers=await api.headers())
    assert response.status_code in (400, 422), response.text
    assert field in response.json()["detail"] or field in str(response.json().get("errors"))


async def test_missing_field_and_bad_patch(client, api) -> None:
    bearer = await api.headers()
    missing = await client.post(DOCS, json={k: v for k, v in SPEC.items() if k != "topic"},
                                headers=bearer)
    assert missing.status_code == 422 and "topic" in missing.json()["detail"]
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    bad = await client.patch(f"{DOCS}/{document['id']}", json={"target_words": 1},
                             headers=bearer)
    assert bad.status_code in (400, 422) and "target_words" in bad.text


async def test_unknown_and_malformed_ids_are_404(client, api) -> None:
    bearer = await api.headers()
    assert (await client.get(f"{DOCS}/00000000-0000-4000-8000-0000000000ff",
                             headers=bearer)).status_code == 404
    assert (await client.get(f"{DOCS}/not-a-uuid", headers=bearer)).status_code in (400, 404)


async def test_documents_need_a_token(client) -> None:
    assert (await client.get(DOCS)).status_code == 401
    assert (await client.post(DOCS, json=SPEC)).status_code == 401
