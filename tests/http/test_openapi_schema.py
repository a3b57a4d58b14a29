"""`/schema/openapi.json` says what the server does: the bodies it answers, every problem
status it can give (as application/problem+json), and the rules it enforces on requests."""

import re
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.languages import ISO_639_1, Language
from domain.pages import MAX_OFFSET, MAX_PAGE
from domain.users import Email
from entrypoints.http.auth_schemas import MagicLinkIn
from entrypoints.http.document_schemas import DocumentIn

PROBLEM = "application/problem+json"
DOC = "/api/v1/documents/{document_id}"
PAGED = ["/api/v1/documents", "/api/v1/billing/payments", "/api/v1/admin/users",
         "/api/v1/admin/audit-log"]


@pytest.fixture
async def schema(client) -> dict[str, Any]:
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    return response.json()


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def operations(schema: dict[str, Any]):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def body_of(schema, path: str, method: str, status: str, media: str = "application/json"):
    content = schema["paths"][path][method]["responses"][status]["content"]
    return resolve(schema, content[media]["schema"])


def test_the_generate_202_is_a_job_and_the_checkout_201_a_checkout(schema) -> None:
    job = body_of(schema, f"{DOC}/generate", "post", "202")
    assert job["type"] == "object" and {"id", "state", "progress"} <= set(job["properties"])
    checkout = body_of(schema, "/api/v1/billing/checkout", "post", "201")
    assert set(checkout["required"]) == {"payment_id", "checkout_url"}


def test_every_error_answer_is_a_problem_document(schema) -> None:
    problem = schema["components"]["schemas"]["ProblemDetails"]
    assert {"type", "title", "status", "detail"} <= set(problem["required"])
    for path, method, operation in operations(schema):
        for status, response in operation["responses"].items():
            if int(status) < 400 or (path, status) == ("/ready", "503"):
                continue
            assert list(response["content"]) == [PROBLEM], (method, path, status)
            assert resolve(schema, response["content"][PROBLEM]["schema"]) == problem


@pytest.mark.parametrize(("path", "method", "statuses"), [
    ("/api/v1/documents", "post", {400, 401, 413, 422, 429}),
    (f"{DOC}/generate", "post", {401, 402, 404, 409, 429, 503}),
    (f"{DOC}/sections/{{index}}/generate", "post", {402, 404, 409, 422, 429, 503}),
    (f"{DOC}/requirements", "post", {400, 404, 413, 415, 422}),
    (f"{DOC}/export", "get", {404, 409, 422}),
    ("/api/v1/billing/checkout", "post", {400, 409, 422, 503}),
    ("/api/v1/billing/webhook", "post", {400, 503}),
    ("/api/v1/auth/magic-link", "post", {400, 422, 429}),
    ("/api/v1/auth/verify-magic-link", "post", {400, 422, 429}),
    ("/api/v1/admin/users/{user_id}/credits", "post", {401, 403, 404, 422}),
])
def test_the_statuses_an_operation_can_answer_are_declared(schema, path, method, statuses):
    declared = {int(s) for s in schema["paths"][path][method]["responses"]}
    assert statuses <= declared, statuses - declared


def test_a_429_declares_retry_after(schema) -> None:
    response = schema["paths"]["/api/v1/auth/magic-link"]["post"]["responses"]["429"]
    assert "Retry-After" in response["headers"]


def test_language_and_indexes_are_constrained_as_the_server_checks_them(schema) -> None:
    language = resolve(schema, {"$ref": "#/components/schemas/DocumentIn"})["properties"]
    pattern = language["language"]["pattern"]
    assert re.search(pattern, "uk") and not re.search(pattern, "xx")
    [index] = [p for p in schema["paths"][f"{DOC}/sections/{{index}}/generate"]["post"]
               ["parameters"] if p["name"] == "index"]
    assert index["schema"]["minimum"] == 1


@pytest.mark.parametrize("path", PAGED)
def test_every_paged_list_declares_the_same_bounds(schema, path) -> None:
    parameters = {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}
    assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"]) == (1, MAX_PAGE)
    assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, MAX_OFFSET)


def request_bodies(schema):
    for path, method, operation in operations(schema):
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            yield path, method, resolve(schema, content["application/json"]["schema"])


def test_request_bodies_refuse_unknown_fields(schema) -> None:
    bodies = list(request_bodies(schema))
    assert len(bodies) >= 8
    for path, method, body in bodies:
        assert body["additionalProperties"] is False, (method, path)


def test_every_string_of_a_request_body_refuses_nul(schema) -> None:
    """The one mechanism against NUL (which PostgreSQL cannot store): a pattern on every
    request string, stated in the schema and enforced by msgspec."""
    def takes_nul(node: dict[str, Any], pattern: str | None = None) -> bool:
        node = resolve(schema, node)
        pattern = node.get("pattern", pattern)
        branches = node.get("oneOf", []) + node.get("anyOf", [])
        if branches:
            return any(takes_nul(branch, pattern) for branch in branches)
        if node.get("type") != "string" or "enum" in node:
            return False
        return pattern is None or bool(re.search(pattern, "a\x00b"))

    for path, method, body in request_bodies(schema):
        for name, prop in body["properties"].items():
            assert not takes_nul(prop), (method, path, name)


def test_the_checkout_names_the_packs_on_sale(schema) -> None:
    checkout = resolve(schema, {"$ref": "#/components/schemas/CheckoutIn"})
    assert checkout["properties"]["package_id"]["enum"] == ["starter", "thesis", "pro"]


def test_export_declares_its_file_types(schema) -> None:
    content = schema["paths"][f"{DOC}/export"]["get"]["responses"]["200"]["content"]
    assert set(content) == {"application/pdf", "text/markdown",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml"
                            ".document", "application/x-bibtex",
                            "application/x-research-info-systems",
                            "application/vnd.citationstyles.csl+json"}


# The patterns in the schema accept what the domain accepts: a schema-valid value is never
# refused by the domain (that would be a 422 for a valid request), and the schema refuses no
# address the domain takes, but for surrounding spaces, which the edge refuses outright.

def accepted(make, value: str) -> bool:
    try:
        make(value)
    except InvalidInput:
        return False
    return True


def field_pattern(struct: type, field: str) -> str:
    [info] = [f for f in msgspec.inspect.type_info(struct).fields if f.name == field]
    string = info.type.type if isinstance(info.type, msgspec.inspect.Metadata) else info.type
    return string.pattern


@settings(suppress_health_check=[HealthCheck.too_slow])  # st.emails() starts slowly on a busy CI
@given(st.text(alphabet="aZ09.-_+@ \t\x00é", max_size=24) | st.emails())
def test_the_email_pattern_is_the_domains_rule(value: str) -> None:
    in_schema = bool(re.search(field_pattern(MagicLinkIn, "email"), value))
    assert in_schema <= accepted(Email, value)
    if value == value.strip():
        assert in_schema == accepted(Email, value)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzA \n", max_size=3)
       | st.sampled_from(sorted(ISO_639_1)))
def test_the_language_pattern_is_the_domains_rule(value: str) -> None:
    in_schema = bool(re.search(field_pattern(DocumentIn, "language"), value))
    assert in_schema == accepted(Language, value)


async def test_options_allows_exactly_the_methods_the_schema_declares(client, schema) -> None:
    for path in ("/api/v1/documents", DOC, "/api/v1/billing/balance", "/api/v1/auth/me"):
        concrete = path.replace("{document_id}", "00000000-0000-4000-8000-000000000001")
        answer = await client.options(concrete)
        assert answer.status_code == 204
        declared = {method.upper() for method in schema["paths"][path]} | {"OPTIONS"}
        assert set(answer.headers["allow"].split(", ")) == declared, path
