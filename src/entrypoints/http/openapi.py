"""The OpenAPI document, completed so that it says what the server does.

Litestar's generator declares each success answer and, for operations with parameters, a
400 of its own exception shape. The server answers every error as problem details, with
statuses that follow from the operation's shape (a body, parameters, a bearer token) and
from its use case. `complete` declares those in one pass over the generated document, and
states what the Structs enforce but the generator leaves out: unknown fields are refused
(`additionalProperties: false`) and which credit packs are on sale.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from litestar import Request
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme

from domain.manuscripts import ExportFormat
from domain.outline import MAX_SECTIONS
from entrypoints.http.api_docs import SelfHostedSwagger
from entrypoints.http.errors import PROBLEM_JSON
from entrypoints.http.openapi_answers import ANSWERS, DESCRIPTIONS

Schema = dict[str, Any]
PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetails"}
PROBLEM_SCHEMA: Schema = {
    "type": "object", "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"},
        "status": {"type": "integer"}, "detail": {"type": "string"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "message"],
            "properties": {"field": {"type": "string"}, "message": {"type": "string"},
                           "in": {"type": ["string", "null"]}}}},
        "limit": {"type": "string"}, "resets_at": {"type": "string", "format": "date-time"},
    },
}
HEADERS = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}}},
    429: {"Retry-After": {"description": "Seconds until the limit resets.",
                          "schema": {"type": "integer", "minimum": 1}}},
}


def generic_answers(method: str, operation: Schema) -> set[int]:
    """The answers an operation gives because of its shape, whatever it does."""
    answers = {409} if method != "get" else set()  # a write may lose a race (errors.Conflict)
    if "requestBody" in operation:
        answers |= {400, 413, 422}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" or parameter.get("schema", {}).get("type") == "integer":
            answers.add(422)  # a path uuid that is no uuid matches no route: 404
        if parameter["in"] == "path":
            answers.add(404)
    if operation.get("security"):
        answers |= {401, 429}
    if "admin" in operation.get("tags", ()):
        answers.add(403)
    return answers


def complete(schema: Schema, *, packs: Sequence[str], plans: Sequence[str] = ()) -> Schema:
    """`packs` and `plans` are the ids on sale: the only values `package_id` and `plan_id`
    take (with no plan on sale, subscribing answers 503 whatever the id)."""
    schema = copy.deepcopy(schema)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ProblemDetails"] = PROBLEM_SCHEMA
    for path, method, operation in _operations(schema):
        responses = operation.setdefault("responses", {})
        responses.pop("400", None)  # Litestar's own validation shape, which we never send
        for status in sorted(generic_answers(method, operation)
                             | ANSWERS.get((method, path), set())):
            responses.setdefault(str(status), {
                "description": DESCRIPTIONS[status], "headers": HEADERS.get(status, {}),
                "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}}})
    for _, _, operation in _operations(schema):
        _optional_body(operation, components)
        _optional_headers(operation)
    for name in _request_components(schema):
        if components[name].get("type") == "object":
            components[name]["additionalProperties"] = False
    if "CheckoutIn" in components:
        components["CheckoutIn"]["properties"]["package_id"]["enum"] = list(packs)
    if "SubscribeIn" in components and plans:
        components["SubscribeIn"]["properties"]["plan_id"]["enum"] = list(plans)
    _bound_section_choices(components)
    _declare_export_files(schema)
    return schema


def _operations(schema: Schema) -> Iterator[tuple[str, str, Schema]]:
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "patch", "delete"}:
                yield path, method, operation


def _optional_body(operation: Schema, components: Schema) -> None:
    """A handler whose body may be left out is described as an optional body of X: one
    taking `JSONBody[X | None]` (not a body that may be the JSON `null`), and one whose body
    has a default (`JSONBody[X] = X()`, which Litestar gives X as its `default`)."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    body = (content or {}).get("schema", {})
    branches = body.get("oneOf", [])
    refs = [b for b in branches if "$ref" in b]
    if len(branches) == 2 and len(refs) == 1 and {"type": "null"} in branches:
        content["schema"] = refs[0]
        operation["requestBody"]["required"] = False
    elif "default" in components.get(body.get("$ref", "").rsplit("/", 1)[-1], {}):
        operation["requestBody"]["required"] = False


def _optional_headers(operation: Schema) -> None:
    """A header that may be left out (`str | None`) is a string when sent: HTTP has no
    `null` header, so the schema says so rather than inviting the text "null"."""
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        branches = schema.get("oneOf", [])
        if parameter.get("in") == "header" and len(branches) == 2 \
                and {"type": "null"} in branches:
            [kept] = [b for b in branches if b != {"type": "null"}]
            del schema["oneOf"]
            schema.update(kept)


def _request_components(schema: Schema) -> set[str]:
    """The component schemas a JSON request body refers to, directly or through others
    (msgspec decodes those; a multipart form's fields are another matter)."""
    found: set[str] = set()
    pending: list[Any] = [op["requestBody"]["content"].get("application/json")
                          for _, _, op in _operations(schema) if "requestBody" in op]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/") and (name := ref.rsplit("/", 1)[1]) \
                    not in found:
                found.add(name)
                pending.append(schema["components"]["schemas"][name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return found


def _bound_section_choices(components: Schema) -> None:
    """Litestar drops the bounds of a list's items; `GenerateIn.sections` names outline
    indexes, which msgspec checks are 1..MAX_SECTIONS."""
    sections = components.get("GenerateIn", {}).get("properties", {}).get("sections", {})
    for branch in sections.get("oneOf", []):
        if branch.get("type") == "array":
            branch["items"] = {"type": "integer", "minimum": 1, "maximum": MAX_SECTIONS}


# CSL-JSON is JSON (an array of CSL items), and a client reads it as such.
_EXPORT_FILE_SCHEMAS: dict[ExportFormat, Schema] = {
    ExportFormat.CSLJSON: {"type": "array", "items": {"type": "object"}}}


def _declare_export_files(schema: Schema) -> None:
    export = schema["paths"].get("/api/v1/documents/{document_id}/export", {}).get("get")
    if export is not None:
        export["responses"]["200"]["content"] = {
            fmt.content_type.split(";")[0]: {"schema": _EXPORT_FILE_SCHEMAS.get(
                fmt, {"type": "string", "format": "binary"})} for fmt in ExportFormat}


class CompletedJsonRenderPlugin(JsonRenderPlugin):
    """`/schema/openapi.json`, completed once and then served as rendered."""

    def __init__(self, completion: Callable[[Schema], Schema]) -> None:
        super().__init__()
        self._completion, self._rendered = completion, b""

    def render(self, request: Request[Any, Any, Any], openapi_schema: Schema) -> bytes:
        if not self._rendered:
            self._rendered = self.render_json(request, self._completion(openapi_schema))
        return self._rendered


def api_docs(packs: Sequence[str], plans: Sequence[str] = ()) -> OpenAPIConfig:
    return OpenAPIConfig(
        title="TesiGo API", version="1.0.0", path="/schema",
        render_plugins=[CompletedJsonRenderPlugin(
            lambda s: complete(s, packs=packs, plans=plans)),
                        SelfHostedSwagger()],
        components=Components(security_schemes={"BearerToken": SecurityScheme(
            type="http", scheme="bearer", bearer_format="JWT")}),
    )
