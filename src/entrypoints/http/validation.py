"""What a refused request says: each field it names, where the field is, and the rule it
breaks, in words. Litestar reports validation as msgspec's messages (or, for a missing
parameter, one sentence); this turns them into `{"field", "message", "in"}` items."""

from __future__ import annotations

import ast
import re
from typing import Any

from litestar.exceptions import ValidationException

from entrypoints.http.schema_base import RULES

Violation = dict[str, str | None]
_MISSING_PARAMETER = re.compile(r"^Missing required (\w+) parameter '([^']+)'")
_MISSING_FIELD = re.compile(r"^Object missing required field `([^`]+)`")
_UNKNOWN_FIELD = re.compile(r"^Object contains unknown field `([^`]+)`")
_PATTERN = re.compile(r"^Expected `str` matching regex (['\"].*['\"])$")
_BOUND = re.compile(r"^Expected `(str|array|object|int|float)`(?: of length)? (>=|<=|>|<) (\S+)$")
_BOUND_WORDS = {">=": "at least", "<=": "at most", ">": "more than", "<": "less than"}
_UNIT = {"str": " characters", "array": " items", "object": " entries"}
_NO_BODY = "'data'"  # the signature model's KeyError when the body was empty


def violations(error: ValidationException) -> list[Violation]:
    items = error.extra if isinstance(error.extra, list) else []
    found = [_violation(item) for item in items if isinstance(item, dict)]
    if not found and (missing := _MISSING_PARAMETER.match(str(error.detail))):
        found = [{"field": missing[2], "message": "is required", "in": missing[1]}]
    return found


def body_is_missing(found: list[Violation]) -> bool:
    return any(v["field"] == "body" and v["message"] == _NO_BODY for v in found)


def summary(found: list[Violation]) -> str:
    if not found:
        return "Invalid request."
    return "Invalid request: " + "; ".join(f"{v['field']} {v['message']}" for v in found) + "."


def _violation(item: dict[str, Any]) -> Violation:
    field, message = str(item.get("key") or ""), str(item.get("message") or "")
    location = getattr(item.get("source"), "value", item.get("source"))
    if location == "body" and field in ("", "data"):
        field = ""
    if missing := _MISSING_FIELD.match(message):
        field, message = _within(field, missing[1]), "is required"
    elif unknown := _UNKNOWN_FIELD.match(message):
        field, message = _within(field, unknown[1]), "is not a field of this request"
    elif pattern := _PATTERN.match(message):
        regex = ast.literal_eval(pattern[1])  # msgspec quotes the pattern as repr() does
        message = RULES.get(regex, f"must match the pattern {regex}")
    elif bound := _BOUND.match(message):
        kind, op, limit = bound.groups()
        unit = _UNIT.get(kind, "")
        message = f"must be {_BOUND_WORDS[op]} {limit}{unit[:-1] if limit == '1' else unit}"
    elif message != _NO_BODY:
        message = f"is invalid: {message}"
    return {"field": field or "body", "message": message,
            "in": str(location) if location is not None else None}


def _within(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name
