"""`OPTIONS` answers name every method of their path in `Allow`.

Litestar 2 builds a path's OPTIONS handler when the path's first handler is registered and
keeps it when more handlers join the path, so `Allow` named only the first one's methods
(litestar-org/litestar#4169, fixed in Litestar 3). The routes themselves know all of them;
this `before_send` hook puts those in the header.
"""

from __future__ import annotations

from litestar.routes import HTTPRoute
from litestar.types import BeforeMessageSendHookHandler, Message, Scope


def allow_every_method() -> BeforeMessageSendHookHandler:
    allowed: dict[int, bytes] = {}  # id of an OPTIONS handler -> every method of its path

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start" or scope.get("method") != "OPTIONS":
            return
        if not allowed:
            for route in scope["litestar_app"].routes:
                if isinstance(route, HTTPRoute):
                    every = ", ".join(sorted(route.methods)).encode()
                    allowed.update({id(handler): every for handler in route.route_handlers
                                    if "OPTIONS" in handler.http_methods})
        methods = allowed.get(id(scope.get("route_handler")))
        if methods is not None:
            message["headers"] = [(name, value) for name, value in message.get("headers", ())
                                  if name.lower() != b"allow"] + [(b"allow", methods)]

    return hook
