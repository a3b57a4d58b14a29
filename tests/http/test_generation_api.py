"""Outline, sections and balance over HTTP, written by the embedded offline model from the
offline source list, exactly as with no configuration."""

import re

import pytest
from litestar.testing import AsyncTestClient
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.http.app import create_app

DOCS = "/api/v1/documents"
SPEC = {"title": "Машинне навчання в освіті", "topic": "Machine learning in education",
        "kind": "essay", "language": "uk", "target_words": 1200, "citation_style": "gost"}


async def test_outline_then_every_section_with_resolving_citations(client, api) -> None:
    bearer = await api.headers()
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    outlined = await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
    assert outlined.status_code == 200, outlined.text
    outline = outlined.json()["outline"]
    assert outline
    assert abs(sum(o["target_words"] for o in outline) - 1200) <= 120
    sources = {s["n"] for s in outlined.json()["sources"]}
    for item in outline:
        section = await client.post(f"{DOCS}/{document['id']}/sections/{item['index']}/generate",
                                    headers=bearer)
        assert section.status_code == 200, section.text
        body = section.json()
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", body["text"])}
        assert markers <= sources
        assert set(body["citations"]) == markers
    final = (await client.get(f"{DOCS}/{document['id']}", headers=bearer)).json()
    cited = {n for s in final["sections"] for n in s["citations"]}
    assert final["status"] == "ready"
    assert len(final["bibliography"]) == len(cited)
    assert "офлайн" in final["sections"][0]["text"].lower()  # labelled offline, in Ukrainian
    listed = (await client.get(DOCS, headers=bearer)).json()["items"][0]
    assert listed["word_count"] == final["word_count"] > 0


async def test_balance_shows_signup_credits_and_usage(client, api) -> None:
    bearer = await api.headers()
    fresh = (await client.get("/api/v1/billing/balance", headers=bearer)).json()
    assert fresh["credits"] == settings_for().signup_credits
    assert fresh["reserved"] == 0
    assert fresh["used_today"] == 0
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
    used = (await client.get("/api/v1/billing/balance", headers=bearer)).json()
    assert used["used_today"] > 0
    assert used["credits"] == fresh["credits"] - used["used_today"]


async def test_section_before_outline_is_409_and_unknown_index_404(client, api) -> None:
    bearer = await api.headers()
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    early = await client.post(f"{DOCS}/{document['id']}/sections/1/generate", headers=bearer)
    assert early.status_code == 409
    await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
    missing = await client.post(f"{DOCS}/{document['id']}/sections/99/generate", headers=bearer)
    assert missing.status_code == 404


async def test_another_users_document_cannot_be_generated(client, api) -> None:
    alice, bob = await api.headers("alice@example.com"), await api.headers("bob@example.com")
    document = (await client.post(DOCS, json=SPEC, headers=alice)).json()
    assert (await client.post(f"{DOCS}/{document['id']}/outline", headers=bob)
            ).status_code == 404


@pytest.mark.parametrize(("settings", "status", "limit"), [
    ({"signup_credits": 5}, 402, "credits"),
    ({"daily_token_limit": 5}, 429, "daily"),
    ({"global_daily_token_limit": 5}, 429, "global_daily"),
])
async def test_calls_that_do_not_fit_are_refused_with_the_limit_named(settings, status,
                                                                      limit) -> None:
    from tests.http.conftest import Api

    fakes, config = Fakes(), settings_for(**settings)
    container = memory_container(fakes, config)
    async with AsyncTestClient(app=create_app(container, config)) as client:
        bearer = await Api(client, fakes).headers()
        document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
        refused = await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
        assert refused.status_code == status
        problem = refused.json()
        assert problem["limit"] == limit
        assert problem["detail"]
        if status == 429:
            assert int(refused.headers["retry-after"]) >= 1
            assert "resets" in problem["detail"]
    await container.close()
