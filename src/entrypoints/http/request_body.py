"""The one place a JSON request body is decoded: a body that cannot be read is a 400.

Litestar decodes the body in `Request.json()` before any handler or validation runs, and
turns only msgspec's `DecodeError` into a client error. msgspec raises `RecursionError` for
JSON nested deeper than the interpreter's recursion limit and `UnicodeDecodeError` for bytes
that are not UTF-8; both escaped as a 500, before authentication. Every JSON body of the app
goes through this request class, so every endpoint answers them alike.

Litestar then converts the decoded JSON to the handler's `data` type the way it converts
path and query strings, leniently: `"2001"` would pass as an int and `0` as `false`. A
body is JSON with types of its own, so it is first checked against that type strictly
(msgspec's own rules, no coercion) and refused as a 422 naming the field otherwise, as the
published schema says. JSON Schema counts `1960.0` as an integer, and so does this check.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
from litestar import Request
from litestar.exceptions import ClientException, SerializationException, ValidationException

_AT = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)


class UnreadableBody(ClientException):
    """400: the body is not JSON this server can read (as opposed to readable JSON that
    breaks a rule, which is a 422)."""


class ApiRequest(Request[Any, Any, Any]):
    async def json(self) -> Any:
        try:
            value = await super().json()
        except SerializationException as error:
            raise UnreadableBody(f"The request body cannot be read: {error}.") from None
        except RecursionError:
            raise UnreadableBody("The request body cannot be read: its JSON is nested too "
                                 "deeply.") from None
        except UnicodeDecodeError:
            raise UnreadableBody("The request body cannot be read: it is not valid UTF-8.",
                                 ) from None
        self._check_types(value)
        return value

    def _check_types(self, value: Any) -> None:
        field = self.route_handler.parsed_data_field
        if field is None or value is None:
            return
        try:
            msgspec.convert(_integral(value), type=field.annotation, strict=True)
        except RecursionError:
            raise UnreadableBody("The request body cannot be read: its JSON is nested too "
                                 "deeply.") from None
        except msgspec.ValidationError as error:
            raise refusal(error) from None


def refusal(error: msgspec.ValidationError) -> ValidationException:
    """msgspec's message about a body, as the ValidationException Litestar would raise."""
    found = _AT.match(str(error))
    message, path = (found["message"], found["path"]) if found else (str(error), None)
    return ValidationException(extra=[{"key": (path or "").lstrip("."), "message": message,
                                       "source": "body"}])


def _integral(value: Any) -> Any:
    """`value` with every whole float (`1960.0`) an int, as JSON Schema's `integer` has it
    (msgspec takes an int for a float field, so nothing else changes)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_integral(item) for item in value]
    if isinstance(value, dict):
        return {key: _integral(item) for key, item in value.items()}
    return value
