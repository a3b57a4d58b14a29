"""A small JSON Schema validator for the subset structured output uses: `type` (object,
array, string, integer, number, boolean), `properties`, `required`,
`additionalProperties: false`, `items`, `minItems`/`maxItems`, `minimum`/`maximum`,
`minLength`/`maxLength` and `enum`. Other keywords are ignored."""

from __future__ import annotations

import json
import re
from typing import Any

from adapters.llm.reasoning import strip_reasoning

_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
    "integer": (int,), "number": (int, float),
}


def schema_errors(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """What is wrong with `value` under `schema`, as readable `path: problem` lines."""
    expected = schema.get("type")
    if expected is not None and not _has_type(value, expected):
        return [f"{path}: expected {expected}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} is not one of {schema['enum']!r}"]
    if isinstance(value, dict):
        return _object_errors(value, schema, path)
    if isinstance(value, list):
        return _array_errors(value, schema, path)
    return _scalar_errors(value, schema, path)


def _has_type(value: Any, expected: str) -> bool:
    if isinstance(value, bool) and expected != "boolean":
        return False
    if expected == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES.get(expected, (object,)))


def _object_errors(value: dict[str, Any], schema: dict[str, Any], path: str) -> list[str]:
    properties: dict[str, Any] = schema.get("properties", {})
    errors = [f"{path}: missing required property {name!r}"
              for name in schema.get("required", ()) if name not in value]
    if schema.get("additionalProperties") is False:
        errors += [f"{path}: unexpected property {name!r}" for name in value
                   if name not in properties]
    for name, sub_schema in properties.items():
        if name in value:
            errors += schema_errors(value[name], sub_schema, f"{path}.{name}")
    return errors


def _array_errors(value: list[Any], schema: dict[str, Any], path: str) -> list[str]:
    errors = []
    if len(value) < schema.get("minItems", 0):
        errors.append(f"{path}: needs at least {schema['minItems']} items, got {len(value)}")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        errors.append(f"{path}: allows at most {schema['maxItems']} items, got {len(value)}")
    if isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], f"{path}[{index}]")
    return errors


def _scalar_errors(value: Any, schema: dict[str, Any], path: str) -> list[str]:
    errors = []
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: {value} is below the minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: {value} is above the maximum {schema['maximum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']} characters")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{path}: longer than {schema['maxLength']} characters")
    return errors


def parse_answer(text: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON object in a model's answer (reasoning blocks and a Markdown code fence
    around it are tolerated), checked against `schema`. Raises ValueError saying why not."""
    body = strip_reasoning(text)
    fenced = _FENCE.match(body)
    if fenced:
        body = fenced.group(1)
    try:
        value = json.loads(body)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"the answer is not valid JSON ({error.msg} at character {error.pos})") from error
    if not isinstance(value, dict):
        raise ValueError(f"the answer is JSON but not an object ({type(value).__name__})")
    errors = schema_errors(value, schema)
    if errors:
        raise ValueError("the answer does not follow the schema: " + "; ".join(errors[:5]))
    return value
