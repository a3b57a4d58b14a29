"""Steering the writing over HTTP, on the embedded offline model and sources: outline
edits, own text, checks, revisions, own sources; every path 404 for another user's
document, and writes against a stale revision 409."""

from typing import Any

import pytest

DOCS = "/api/v1/documents"
SPEC = {"title": "Suspension bridges", "topic": "Cable-supported bridges",
        "kind": "essay", "language": "en", "target_words": 900, "citation_style": "ieee"}
CATALOGUE_DOI = "10.1038/171737a0"  # in the offline catalogue, far from bridges


async def outlined(client, bearer) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    response = await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
    assert response.status_code == 200, response.text
    return response.json()


async def written(client, bearer) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    document = await outlined(client, bearer)
    for item in document["outline"]:
        response = await client.post(
            f"{DOCS}/{document['id']}/sections/{item['index']}/generate", headers=bearer)
        assert response.status_code == 200, response.text
    return (await client.get(f"{DOCS}/{document['id']}", headers=bearer)).json()


async def test_an_outline_put_reorders_renames_adds_and_drops(client, api) -> None:
    bearer = await api.headers()
    document = await written(client, bearer)
    first, second = document["sections"][0], document["sections"][1]
    items = [{"index": 2, "title": "Cables first", "target_words": 400},
             {"index": 1, "title": first["title"], "target_words": 300},
             {"title": "New part", "target_words": 250, "brief": "Something else."}]

    response = await client.put(f"{DOCS}/{document['id']}/outline",
                                json={"items": items, "revision": document["revision"]},
                                headers=bearer)

    assert response.status_code == 200, response.text
    body = response.json()
    assert [(o["index"], o["title"]) for o in body["outline"]] == [
        (1, "Cables first"), (2, first["title"]), (3, "New part")]
    assert [(s["index"], s["text"]) for s in body["sections"]] == [
        (1, second["text"]), (2, first["text"])]
    assert body["target_words"] == 900 and body["status"] == "draft"
    assert body["revision"] == document["revision"] + 1
    export = (await client.get("/api/v1/auth/me/export", headers=bearer)).json()
    assert [r["text"] for r in export["revisions"]] == [document["sections"][2]["text"]]


async def test_an_outline_put_whose_budgets_differ_sets_the_target(client, api) -> None:
    bearer = await api.headers()
    document = await outlined(client, bearer)
    items = [{"index": o["index"], "title": o["title"], "target_words": 1000}
             for o in document["outline"]]

    body = (await client.put(f"{DOCS}/{document['id']}/outline", json={"items": items},
                             headers=bearer)).json()

    assert body["target_words"] == 1000 * len(items)


@pytest.mark.parametrize(("items", "field"), [
    ([], "items"),
    ([{"title": "No budget"}], "target_words"),
    ([{"title": "", "target_words": 900}], "title"),
    ([{"index": 99, "title": "Ghost", "target_words": 900}], "items[0].index"),
])
async def test_a_bad_outline_is_refused_naming_the_field(client, api, items, field) -> None:
    bearer = await api.headers()
    document = await outlined(client, bearer)

    response = await client.put(f"{DOCS}/{document['id']}/outline", json={"items": items},
                                headers=bearer)

    assert response.status_code in (400, 422), response.text
    assert field in response.text
    unchanged = (await client.get(f"{DOCS}/{document['id']}", headers=bearer)).json()
    assert unchanged["outline"] == document["outline"]


async def test_an_outline_put_is_409_while_a_job_runs_and_for_a_stale_revision(
        client, api) -> None:
    bearer = await api.headers()
    document = await outlined(client, bearer)
    items = [{"index": 1, "title": "Only", "target_words": 900}]

    stale = await client.put(f"{DOCS}/{document['id']}/outline", json={"items": items},
                             headers={**bearer, "If-Match": f'"{document["revision"] - 1}"'})
    assert stale.status_code == 409, stale.text
    job = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer)
    assert job.status_code == 202
    running = await client.put(f"{DOCS}/{document['id']}/outline", json={"items": items},
                               headers=bearer)
    assert running.status_code == 409
    assert "job" in running.json()["detail"]


async def test_own_text_then_verify_then_restore(client, api) -> None:
    bearer = await api.headers()
    document = await written(client, bearer)
    doc = f"{DOCS}/{document['id']}"
    model_text = document["sections"][1]["text"]
    n = document["sources"][0]["n"]

    mine = await client.put(f"{doc}/sections/2",
                            json={"text": f"My own paragraph on cables [{n}].",
                                  "revision": document["revision"]}, headers=bearer)
    assert mine.status_code == 200, mine.text
    assert mine.json()["text"] == f"My own paragraph on cables [{n}]."
    assert [c["verdict"] for c in mine.json()["claims"]] == ["unverified"]

    checked = await client.post(f"{doc}/sections/2/verify", headers=bearer)
    assert checked.status_code == 200, checked.text
    assert len(checked.json()["claims"]) == 1

    revisions = (await client.get(f"{doc}/sections/2/revisions", headers=bearer)).json()
    assert revisions[-1]["origin"] == "model" and revisions[-1]["text"] == model_text
    restored = await client.post(
        f"{doc}/sections/2/revisions/{revisions[-1]['revision']}/restore", headers=bearer)
    assert restored.status_code == 200, restored.text
    assert restored.json()["text"] == model_text
    again = (await client.get(f"{doc}/sections/2/revisions", headers=bearer)).json()
    assert again[0]["origin"] == "user" and again[0]["text"].startswith("My own paragraph")


async def test_own_text_naming_no_source_is_422_naming_the_markers(client, api) -> None:
    bearer = await api.headers()
    document = await written(client, bearer)

    response = await client.put(f"{DOCS}/{document['id']}/sections/1",
                                json={"text": "Claims [999] and [998, 1]."}, headers=bearer)

    assert response.status_code == 422
    assert "[999]" in response.json()["detail"] and "[998, 1]" in response.json()["detail"]


async def test_own_text_against_a_stale_revision_is_409(client, api) -> None:
    bearer = await api.headers()
    document = await written(client, bearer)

    response = await client.put(f"{DOCS}/{document['id']}/sections/1",
                                json={"text": "Mine.", "revision": 1}, headers=bearer)

    assert response.status_code == 409


async def test_a_rewrite_with_instructions_keeps_the_old_text(client, api) -> None:
    bearer = await api.headers()
    document = await written(client, bearer)
    doc = f"{DOCS}/{document['id']}"

    rewritten = await client.post(f"{doc}/sections/1/generate",
                                  json={"instructions": "Shorter sentences, please."},
                                  headers=bearer)
    too_long = await client.post(f"{doc}/sections/1/generate",
                                 json={"instructions": "x" * 2001}, headers=bearer)

    assert rewritten.status_code == 200, rewritten.text
    revisions = (await client.get(f"{doc}/sections/1/revisions", headers=bearer)).json()
    assert revisions[0]["text"] == document["sections"][0]["text"]
    assert too_long.status_code in (400, 422) and "instructions" in too_long.text


async def test_own_sources_by_doi_and_by_hand_and_their_removal(client, api) -> None:
    bearer = await api.headers()
    document = await written(client, bearer)
    doc = f"{DOCS}/{document['id']}"
    cited = document["sections"][0]["citations"][0]

    by_doi = await client.post(f"{doc}/sources", json={"doi": CATALOGUE_DOI}, headers=bearer)
    again = await client.post(f"{doc}/sources", json={"doi": f"doi:{CATALOGUE_DOI.upper()}"},
                              headers=bearer)
    by_hand = await client.post(f"{doc}/sources", json={
        "title": "Лекції з мостів", "authors": ["Іван Франко"], "year": 2024,
        "url": "https://example.org/lectures"}, headers=bearer)
    unknown = await client.post(f"{doc}/sources", json={"doi": "10.9999/nobody.knows"},
                                headers=bearer)
    malformed = await client.post(f"{doc}/sources", json={"doi": "nonsense"}, headers=bearer)
    incomplete = await client.post(f"{doc}/sources", json={"year": 2020}, headers=bearer)

    assert by_doi.status_code == 201, by_doi.text
    assert again.status_code == 201 and again.json()["n"] == by_doi.json()["n"]
    assert by_hand.status_code == 201 and by_hand.json()["provider"] == "user"
    assert by_hand.json()["n"] == by_doi.json()["n"] + 1
    assert unknown.status_code == 422 and "10.9999/nobody.knows" in unknown.json()["detail"]
    assert malformed.status_code == 422 and incomplete.status_code == 422

    removed = await client.delete(f"{doc}/sources/{cited}", headers=bearer)
    assert removed.status_code == 204
    assert (await client.delete(f"{doc}/sources/{cited}", headers=bearer)).status_code == 404
    after = (await client.get(doc, headers=bearer)).json()
    assert cited not in {s["n"] for s in after["sources"]}
    assert all(cited not in s["citations"] and f"[{cited}]" not in s["text"]
               for s in after["sections"])
    assert len(after["bibliography"]) == len({n for s in after["sections"]
                                              for n in s["citations"]})


async def test_a_stale_if_match_on_delete_is_409_and_a_bad_one_422(client, api) -> None:
    bearer = await api.headers()
    document = await outlined(client, bearer)
    n = document["sources"][0]["n"]

    stale = await client.delete(f"{DOCS}/{document['id']}/sources/{n}",
                                headers={**bearer, "If-Match": '"1"'})
    bad = await client.delete(f"{DOCS}/{document['id']}/sources/{n}",
                              headers={**bearer, "If-Match": "yesterday"})

    assert stale.status_code == 409 and bad.status_code == 422


@pytest.mark.parametrize(("method", "path", "body"), [
    ("PUT", "/outline", {"items": [{"title": "X", "target_words": 900}]}),
    ("PUT", "/sections/1", {"text": "Mine."}),
    ("POST", "/sections/1/verify", None),
    ("POST", "/sections/1/generate", {"instructions": "More."}),
    ("GET", "/sections/1/revisions", None),
    ("POST", "/sections/1/revisions/1/restore", None),
    ("POST", "/sources", {"title": "T", "authors": ["A"], "year": 2020}),
    ("DELETE", "/sources/1", None),
])
async def test_another_users_document_is_404_on_every_steering_path(
        client, api, method, path, body) -> None:
    alice, bob = await api.headers("alice@example.com"), await api.headers("bob@example.com")
    document = await written(client, alice)
    await client.put(f"{DOCS}/{document['id']}/sections/1", json={"text": "Alice's."},
                     headers=alice)  # so that revision 1 exists

    response = await client.request(method, f"{DOCS}/{document['id']}{path}", json=body,
                                    headers=bob)

    assert response.status_code == 404, response.text
    assert (await client.get(f"{DOCS}/{document['id']}", headers=alice)).json()[
        "revision"] == document["revision"] + 1
