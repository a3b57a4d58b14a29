"""The cost of a generation over HTTP, and what `POST …/generate` takes: chosen sections,
instructions, partial jobs, and refusals that carry the estimate."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from tests.http.conftest import Api
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.http.app import create_app

DOCS = "/api/v1/documents"
SPEC = {"title": "Bridges", "topic": "Bridge engineering", "kind": "essay", "language": "en",
        "target_words": 1200, "citation_style": "apa"}
ESTIMATE_FIELDS = {"sections_to_write", "max_tokens", "fits", "limit"}
RICH = 10**9


@pytest.fixture
def settings():
    return settings_for(signup_credits=RICH)


async def a_document(client, bearer, **changes: Any) -> dict[str, Any]:
    created = await client.post(DOCS, json={**SPEC, **changes}, headers=bearer)
    assert created.status_code == 201, created.text
    document: dict[str, Any] = created.json()
    return document


async def test_the_estimate_of_a_new_document(client, api) -> None:
    bearer = await api.headers()
    document = await a_document(client, bearer)
    answer = await client.get(f"{DOCS}/{document['id']}/estimate", headers=bearer)
    assert answer.status_code == 200, answer.text
    estimate = answer.json()
    assert set(estimate) == ESTIMATE_FIELDS
    assert estimate["sections_to_write"] == 3  # an essay of 1,200 words
    assert estimate["max_tokens"] > 0 and estimate["fits"] is True
    assert estimate["limit"] is None


async def test_another_users_document_has_no_estimate(client, api) -> None:
    alice, bob = await api.headers("alice@example.com"), await api.headers("bob@example.com")
    document = await a_document(client, alice)
    assert (await client.get(f"{DOCS}/{document['id']}/estimate", headers=bob)
            ).status_code == 404
    assert (await client.post(f"{DOCS}/{document['id']}/generate", headers=bob,
                              json={"sections": [1]})).status_code == 404


async def refused(settings: dict[str, int], body: dict[str, Any] | None = None,
                  **spec: Any):
    fakes, config = Fakes(), settings_for(**settings)
    container = memory_container(fakes, config)
    async with AsyncTestClient(app=create_app(container, config)) as client:
        bearer = await Api(client, fakes).headers()
        document = await a_document(client, bearer, **spec)
        estimate = (await client.get(f"{DOCS}/{document['id']}/estimate", headers=bearer)
                    ).json()
        answer = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer,
                                   json=body)
        jobs = (await client.get(f"{DOCS}/{document['id']}", headers=bearer)).json()
    await container.close()
    return estimate, answer, jobs


async def test_the_hundred_thousand_word_document_is_refused_with_its_estimate() -> None:
    estimate, answer, document = await refused({}, target_words=100_000)
    assert answer.status_code == 402
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["limit"] == "credits"
    assert problem["estimate"] == estimate
    assert problem["estimate"]["fits"] is False and problem["estimate"]["limit"] == "credits"
    assert "credits available" in problem["detail"]
    assert document["status"] == "draft"  # nothing started


@pytest.mark.parametrize(("limits", "limit", "problem_limit"), [
    ({"daily_token_limit": 1000}, "daily", "daily"),
    ({"global_daily_token_limit": 1000}, "service", "global_daily")])
async def test_a_job_over_a_daily_limit_is_429_with_its_estimate(limits, limit,
                                                                 problem_limit) -> None:
    estimate, answer, _ = await refused({"signup_credits": RICH, **limits})
    assert (estimate["fits"], estimate["limit"]) == (False, limit)
    assert answer.status_code == 429
    assert int(answer.headers["retry-after"]) >= 1
    problem = answer.json()
    assert problem["limit"] == problem_limit and problem["estimate"] == estimate
    assert "resets at" in problem["detail"]


async def test_a_partial_job_is_accepted_when_the_whole_would_not_fit() -> None:
    _, answer, document = await refused({}, {"partial": True}, target_words=100_000)
    assert answer.status_code == 202, answer.text
    assert answer.json()["state"] == "queued"
    assert document["status"] == "generating"


async def test_no_body_and_an_empty_body_start_the_same_job(client, api) -> None:
    bearer = await api.headers()
    document = await a_document(client, bearer)
    first = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer)
    assert first.status_code == 202, first.text
    again = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer, json={})
    assert again.status_code == 202 and again.json()["id"] == first.json()["id"]


@pytest.mark.parametrize(("body", "field"), [
    ({"sections": []}, "sections"),
    ({"sections": [0]}, "sections"),
    ({"sections": [1, 99]}, "sections"),
    ({"sections": "1"}, "sections"),
    ({"instructions": "x" * 2001}, "instructions"),
    ({"instructions": "bad\u0000byte"}, "instructions"),
    ({"partial": "yes"}, "partial"),
    ({"partial": 0}, "partial"),  # JSON has booleans of its own: nothing is coerced
    ({"sections": ["1"]}, "sections[0]"),
    ({"section": [1]}, "section"),
])
async def test_a_bad_body_is_422_naming_the_field(client, api, body, field) -> None:
    bearer = await api.headers()
    document = await a_document(client, bearer)
    assert (await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
            ).status_code == 200
    answer = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer, json=body)
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert any(error["field"].startswith(field) for error in problem["errors"]), problem


async def test_sections_before_an_outline_are_409(client, api) -> None:
    bearer = await api.headers()
    document = await a_document(client, bearer)
    answer = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer,
                               json={"sections": [1]})
    assert answer.status_code == 409
    assert "outline" in answer.json()["detail"]


async def test_chosen_sections_start_a_job(client, api) -> None:
    bearer = await api.headers()
    document = await a_document(client, bearer)
    await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
    answer = await client.post(f"{DOCS}/{document['id']}/generate", headers=bearer,
                               json={"sections": [2, 2], "instructions": "More on steel."})
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert (job["sections"], job["instructions"], job["partial"]) == ([2], "More on steel.",
                                                                      False)


async def test_the_same_key_with_another_body_is_422(client, api) -> None:
    bearer = await api.headers()
    document = await a_document(client, bearer)
    await client.post(f"{DOCS}/{document['id']}/outline", headers=bearer)
    keyed = {**bearer, "Idempotency-Key": "rewrite-2"}
    url = f"{DOCS}/{document['id']}/generate"
    first = await client.post(url, headers=keyed, json={"sections": [2]})
    assert first.status_code == 202
    replayed = await client.post(url, headers=keyed, json={"sections": [2]})
    assert replayed.status_code == 202 and replayed.json() == first.json()
    assert replayed.headers["idempotent-replayed"] == "true"
    other = await client.post(url, headers=keyed, json={"sections": [3]})
    assert other.status_code == 422
