"""The ASGI side of the scholarly test servers: planned replies and the request log."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl


@dataclass(frozen=True, kw_only=True)
class Reply:
    """One planned answer. `body=None` with status 200 means the server's default answer."""

    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_s: float = 0.0

    @classmethod
    def error(cls, status: int, message: str = "planned failure", *,
              headers: Mapping[str, str] | None = None, body: Any = None) -> Reply:
        """An HTTP error with a body like the providers' (`{"message": ...}`)."""
        return cls(status=status, headers=dict(headers or {}),
                   body={"message": message} if body is None else body)

    @classmethod
    def json(cls, body: Any, *, status: int = 200) -> Reply:
        return cls(status=status, body=body)

    @classmethod
    def raw(cls, text: str, *, status: int = 200) -> Reply:
        """A body that is not JSON (a proxy's HTML page, say)."""
        return cls(status=status, body=text.encode())

    @classmethod
    def stall(cls, seconds: float) -> Reply:
        """Say nothing for `seconds` (longer than the client's timeout), then the default."""
        return cls(delay_s=seconds)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    params: dict[str, str]  # the last value of each query parameter
    headers: dict[str, str]  # lower-case names


class SearchApp:
    """Answers GET `path` with the planned replies, in order, then with `default(params)`."""

    def __init__(self, path: str, default: Any) -> None:
        self.path, self.default = path, default
        self.requests: list[RecordedRequest] = []
        self.planned: deque[Reply] = deque()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        params = dict(parse_qsl(scope["query_string"].decode(), keep_blank_values=True))
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        self.requests.append(RecordedRequest(scope["method"], scope["path"], params, headers))
        if scope["path"] != self.path or scope["method"] != "GET":
            await send_reply(send, Reply.error(404, "Not Found"))
            return
        reply = self.planned.popleft() if self.planned else Reply()
        if reply.delay_s and not await _client_waits(receive, reply.delay_s):
            return
        if reply.status == 200 and reply.body is None:
            status, body = self.default(params)
            reply = Reply(status=status, body=body, headers=reply.headers)
        await send_reply(send, reply)


async def send_reply(send: Any, reply: Reply) -> None:
    raw = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
    kind = b"text/html" if isinstance(reply.body, bytes) else b"application/json"
    headers = [(b"content-type", kind), (b"content-length", str(len(raw)).encode())]
    headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers.items()]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": raw})


async def _client_waits(receive: Any, seconds: float) -> bool:
    """Sleep `seconds` unless the client hangs up first (then there is nobody to answer)."""
    try:
        message = await asyncio.wait_for(receive(), seconds)
    except TimeoutError:
        return True
    return bool(message.get("type") != "http.disconnect")


class RecordingSleep:
    """A `sleep` for the retrying clients: records the delays, waits for none of them."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
