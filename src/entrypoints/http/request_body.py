"""The one place a JSON request body is decoded: a body that cannot be read is a 400.

Litestar decodes the body in `Request.json()` before any handler or validation runs, and
turns only msgspec's `DecodeError` into a client error. msgspec raises `RecursionError` for
JSON nested deeper than the interpreter's recursion limit and `UnicodeDecodeError` for bytes
that are not UTF-8; both escaped as a 500, before authentication. Every JSON body of the app
goes through this request class, so every endpoint answers them alike.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import ClientException, SerializationException


class UnreadableBody(ClientException):
    """400: the body is not JSON this server can read (as opposed to readable JSON that
    breaks a rule, which is a 422)."""


class ApiRequest(Request[Any, Any, Any]):
    async def json(self) -> Any:
        try:
            return await super().json()
        except SerializationException as error:
            raise UnreadableBody(f"The request body cannot be read: {error}.") from None
        except RecursionError:
            raise UnreadableBody("The request body cannot be read: its JSON is nested too "
                                 "deeply.") from None
        except UnicodeDecodeError:
            raise UnreadableBody("The request body cannot be read: it is not valid UTF-8.",
                                 ) from None
