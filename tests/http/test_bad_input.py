"""What a client can send that is wrong: one rule for every endpoint.

400 for a body that cannot be read (not JSON, not UTF-8, nested too deeply, absent); 422 for
a readable body or query that breaks a rule, with the field and the rule in `detail`. Never a
500, and the unreadable ones are refused before authentication."""

import pytest

PROBLEM = "application/problem+json"
DOCS = "/api/v1/documents"
SPEC = {"title": "Bridges", "topic": "Suspension bridges", "kind": "essay", "language": "en",
        "target_words": 1500, "citation_style": "apa"}
JSON = {"Content-Type": "application/json"}
UNREADABLE = [
    (b"[" * 100_000, "nested too deeply"),
    (b'{"email": "\xff\xfe@example.com"}', "not valid UTF-8"),
    (b'{"email": ', "truncated"),
    (b"not json", "JSON is malformed"),
    (b"", "body is empty"),
]
BODY_ENDPOINTS = ["/api/v1/auth/magic-link", "/api/v1/auth/verify-magic-link", DOCS]


def assert_problem(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"]
    for word in words:
        assert word in body["detail"], body


@pytest.mark.parametrize("path", BODY_ENDPOINTS)
@pytest.mark.parametrize(("body", "reason"), UNREADABLE)
async def test_an_unreadable_body_is_400_before_authentication(client, path, body, reason):
    response = await client.post(path, content=body, headers=JSON)
    assert_problem(response, 400, "request body", reason)


async def test_a_whole_number_written_as_a_float_is_an_integer_as_json_schema_says(client, api):
    response = await client.post(DOCS, json={**SPEC, "target_words": 1500.0},
                                 headers=await api.headers())
    assert response.status_code == 201, response.text
    assert response.json()["target_words"] == 1500


async def test_an_unreadable_body_is_400_for_a_signed_in_caller_too(client, api):
    for body, reason in UNREADABLE:
        response = await client.post(DOCS, content=body, headers={**JSON, **await api.headers()})
        assert_problem(response, 400, reason)


@pytest.mark.parametrize(("change", "words"), [
    ({"title": ""}, ("title", "at least 1 character")),
    ({"title": "   "}, ("title", "visible character")),
    ({"kind": "novel"}, ("kind", "novel")),
    ({"language": "xx"}, ("language", "ISO 639-1")),
    ({"target_words": 10}, ("target_words", "at least 300")),
    ({"owner": "x"}, ("owner", "not a field")),
    ({"title": 5}, ("title", "`str`")),
    ({"target_words": "1500"}, ("target_words", "`int`")),  # JSON's types: no coercion
    ({"target_words": 1500.5}, ("target_words", "`int`")),
    ({"title_page": {"year": "2026"}}, ("title_page.year", "`int | null`")),
])
async def test_a_readable_body_that_breaks_a_rule_is_422_naming_field_and_rule(client, api,
                                                                               change, words):
    response = await client.post(DOCS, json={**SPEC, **change}, headers=await api.headers())
    assert_problem(response, 422, *words)
    [field] = [error["field"] for error in response.json()["errors"]]
    assert field == words[0]


async def test_a_missing_field_and_a_missing_query_parameter_are_named(client, api):
    bearer = await api.headers()
    missing = await client.post(DOCS, json={k: v for k, v in SPEC.items() if k != "topic"},
                                headers=bearer)
    assert_problem(missing, 422, "topic is required")
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    export = await client.get(f"{DOCS}/{document['id']}/export", headers=bearer)
    assert_problem(export, 422, "format is required")
    assert export.json()["errors"] == [{"field": "format", "message": "is required",
                                        "in": "query"}]


@pytest.mark.parametrize("field", ["title", "topic", "instructions"])
async def test_a_nul_character_in_a_document_field_is_422_naming_it(client, api, field):
    response = await client.post(DOCS, json={**SPEC, field: "Bridges\u0000"},
                                 headers=await api.headers())
    assert_problem(response, 422, field, "NUL")


@pytest.mark.parametrize("value", ["Bell\u0007", "Form\u000cfeed", "\u001f", "No\ufffe"])
async def test_other_control_characters_are_422_too(client, api, value):
    """What XML 1.0 cannot hold (and so no DOCX export) is refused like NUL."""
    response = await client.post(DOCS, json={**SPEC, "title": value},
                                 headers=await api.headers())
    assert_problem(response, 422, "title", "control character")


async def test_tabs_and_line_breaks_are_text(client, api):
    response = await client.post(DOCS, json={**SPEC, "instructions": "One\n\tTwo\r\n"},
                                 headers=await api.headers())
    assert response.status_code == 201, response.text


async def test_a_nul_character_in_a_patch_and_a_sign_in_address_is_422(client, api):
    bearer = await api.headers()
    document = (await client.post(DOCS, json=SPEC, headers=bearer)).json()
    patched = await client.patch(f"{DOCS}/{document['id']}", json={"topic": "a\u0000b"},
                                 headers=bearer)
    assert_problem(patched, 422, "topic", "NUL")
    link = await client.post("/api/v1/auth/magic-link", json={"email": "ada@example.com\u0000"})
    assert_problem(link, 422, "email")


PAGED = [DOCS, "/api/v1/billing/payments"]


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize(("params", "words"), [
    ({"offset": -1}, ("offset", "at least 0")),
    ({"offset": 2**63}, ("offset", "at most 1000000")),
    ({"offset": 10**30}, ("offset", "at most")),
    ({"limit": 0}, ("limit", "at least 1")),
    ({"limit": 101}, ("limit", "at most 100")),
    ({"limit": "many"}, ("limit", "`int`")),
])
async def test_every_paged_list_checks_limit_and_offset_alike(client, api, path, params, words):
    response = await client.get(path, params=params, headers=await api.headers())
    assert_problem(response, 422, *words)


async def test_the_largest_offset_is_an_empty_page(client, api):
    response = await client.get(DOCS, params={"offset": 1_000_000}, headers=await api.headers())
    assert response.status_code == 200 and response.json()["items"] == []


async def test_a_body_over_the_limit_is_413_naming_the_limit(client, api):
    response = await client.post(DOCS, content=b" " * (1024 * 1024 + 1),
                                 headers={**JSON, **await api.headers()})
    assert_problem(response, 413, "1,048,576 bytes")


async def test_a_429_says_in_words_when_the_limit_resets() -> None:
    """Whoever refuses, the answer names the wait, as `Retry-After` does."""
    from litestar.exceptions import TooManyRequestsException

    from domain.errors import RateLimited
    from entrypoints.http.errors import domain_error, http_error

    class NoRoute:
        scope: dict = {}

    refused = domain_error(NoRoute(), RateLimited(retry_after_s=42))  # type: ignore[arg-type]
    assert refused.headers["Retry-After"] == "42" and "42 seconds" in refused.content["detail"]
    bare = http_error(NoRoute(), TooManyRequestsException(  # type: ignore[arg-type]
        headers={"RateLimit-Reset": "7"}))
    assert bare.headers["Retry-After"] == "7" and "7 seconds" in bare.content["detail"]
