"""The ASGI app behind the test OpenAI server: records requests, answers as planned."""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.integration.openai_replies import Reply, completion_body, stream_events, usage_body
from tests.threaded_server import read_request

from adapters.llm.offline_brief import read_brief
from adapters.llm.offline_outline import fill_schema
from adapters.llm.offline_prose import write_section

Responder = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: dict[str, Any]
    received_at: float = field(default_factory=time.monotonic)  # when it arrived

    @property
    def model(self) -> str | None:
        return self.body.get("model")

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", []))

    @property
    def response_format(self) -> dict[str, Any] | None:
        return self.body.get("response_format")

    @property
    def stream(self) -> bool:
        return bool(self.body.get("stream"))

    @property
    def stream_options(self) -> dict[str, Any] | None:
        return self.body.get("stream_options")

    @property
    def max_tokens(self) -> int | None:
        return self.body.get("max_tokens")


class ChatCompletionsApp:
    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self.planned: deque[Reply] = deque()
        self.default_delay_s = 0.0  # how long an unplanned answer takes (benchmarks)
        self.text_responder: Responder | None = None
        self.json_responder: Responder | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        raw, headers = await read_request(scope, receive)
        body = json.loads(raw) if raw else {}
        self.requests.append(RecordedRequest(scope["method"], scope["path"], headers, body))
        if scope["path"].rstrip("/") != "/v1/chat/completions":
            await _send_json(send, 404, {"error": {"message": "no such route"}}, {})
            return
        reply = (self.planned.popleft() if self.planned
                 else Reply.answer(delay_s=self.default_delay_s))
        if reply.delay_s and not await _client_waits(receive, reply.delay_s):
            return
        if reply.status != 200:
            await _send_json(send, reply.status, reply.body, reply.headers)
            return
        await self._answer(send, body, reply)

    async def _answer(self, send: Any, request: dict[str, Any], reply: Reply) -> None:
        model = str(request.get("model", ""))
        text = reply.text if reply.text is not None else self._default(request)
        usage = usage_body(reply, request, text) if reply.usage else None
        if not request.get("stream"):
            await _send_json(send, 200, completion_body(model, text, usage), reply.headers)
            return
        wants_usage = (request.get("stream_options") or {}).get("include_usage")
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/event-stream")]})
        for event in stream_events(model, reply, text, usage if wants_usage else None):
            await send({"type": "http.response.body", "more_body": True,
                        "body": f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode()})
        await send({"type": "http.response.body", "body": b"data: [DONE]\n\n"})

    def _default(self, request: dict[str, Any]) -> str:
        response_format = request.get("response_format") or {}
        user = next((str(m.get("content")) for m in reversed(request.get("messages", []))
                     if m.get("role") == "user"), "")
        if response_format.get("type") == "json_schema":
            schema = response_format.get("json_schema", {}).get("schema", {})
            value = (self.json_responder(request) if self.json_responder
                     else fill_schema(schema, read_brief(user)))
            return json.dumps(value, ensure_ascii=False)
        if self.text_responder:
            return str(self.text_responder(request))
        brief = read_brief(user)
        label = f"[Answer from test model {request.get('model')}]"
        max_words = int(request.get("max_tokens") or brief.target_words)
        return "\n\n".join(write_section(brief, max_words=max_words, label=label))


async def _client_waits(receive: Any, seconds: float) -> bool:
    """Wait `seconds`; False as soon as the client hangs up instead."""

    async def hang_up() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    watcher = asyncio.ensure_future(hang_up())
    try:
        done, _ = await asyncio.wait({watcher}, timeout=seconds)
    finally:
        watcher.cancel()
    return not done


async def _send_json(send: Any, status: int, body: Any, headers: Any) -> None:
    extra = [(k.lower().encode("latin-1"), str(v).encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *extra]})
    await send({"type": "http.response.body", "body": json.dumps(body).encode()})
