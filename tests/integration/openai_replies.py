"""What the test OpenAI server answers: planned replies and the Chat Completions bodies."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, kw_only=True)
class Reply:
    """One planned answer. Build it with `error`, `answer`, `answer_json` or `stall`."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    text: str | None = None
    chunks: tuple[str, ...] | None = None
    usage: bool = True
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    delay_s: float = 0.0
    fail_after: int | None = None

    @classmethod
    def error(cls, status: int, message: str = "planned failure", *,
              headers: Mapping[str, str] | None = None, body: Any = None) -> Reply:
        """An HTTP error with an OpenAI-style error body (or `body` as given)."""
        default = {"error": {"message": message, "type": "test_error", "param": None,
                             "code": None}}
        return cls(status=status, headers=dict(headers or {}),
                   body=default if body is None else body)

    @classmethod
    def answer(cls, text: str | None = None, *, chunks: tuple[str, ...] | None = None,
               usage: bool = True, prompt_tokens: int | None = None,
               completion_tokens: int | None = None, delay_s: float = 0.0,
               fail_after: int | None = None) -> Reply:
        """A completion: streamed (in `chunks`, or a few words at a time) when the request
        asked for a stream, else one JSON body. `text=None` gives the default answer;
        `usage=False` leaves usage out; token counts default to word counts; `fail_after=n`
        breaks a stream with an error event after n chunks."""
        if chunks is not None and text is None:
            text = "".join(chunks)
        return cls(text=text, chunks=chunks, usage=usage, prompt_tokens=prompt_tokens,
                   completion_tokens=completion_tokens, delay_s=delay_s, fail_after=fail_after)

    @classmethod
    def answer_json(cls, value: Any, **options: Any) -> Reply:
        return cls.answer(json.dumps(value, ensure_ascii=False), **options)

    @classmethod
    def stall(cls, seconds: float) -> Reply:
        """Say nothing for `seconds` (longer than the client's timeout), then the default."""
        return cls(delay_s=seconds)


def words(text: str) -> int:
    return len(text.split())


def prompt_words(request: Mapping[str, Any]) -> int:
    return sum(words(str(message.get("content") or "")) for message in request.get("messages", []))


def usage_body(reply: Reply, request: Mapping[str, Any], text: str) -> dict[str, int]:
    prompt = reply.prompt_tokens if reply.prompt_tokens is not None else prompt_words(request)
    completion = reply.completion_tokens if reply.completion_tokens is not None else words(text)
    return {"prompt_tokens": prompt, "completion_tokens": completion,
            "total_tokens": prompt + completion}


def completion_body(model: str, text: str, usage: dict[str, int] | None) -> dict[str, Any]:
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": model,
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": text}}],
            "usage": usage}


def stream_events(model: str, reply: Reply, text: str,
                  usage: dict[str, int] | None) -> list[dict[str, Any]]:
    """The `data:` events of a streamed completion, the usage chunk last (if any)."""
    pieces = reply.chunks if reply.chunks is not None else _pieces(text)
    if reply.fail_after is not None:
        return [*stream_events(model, Reply(chunks=pieces[:reply.fail_after]), "", None)[:-1],
                {"error": {"message": "planned failure in the stream", "type": "server_error"}}]

    def event(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        return {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0,
                "model": model, "choices": choices, **extra}

    events = [event([{"index": 0, "delta": {"role": "assistant", "content": piece},
                      "finish_reason": None}]) for piece in pieces]
    events.append(event([{"index": 0, "delta": {}, "finish_reason": "stop"}]))
    if usage is not None:
        events.append(event([], usage=usage))
    return events


def _pieces(text: str, per_piece: int = 4) -> tuple[str, ...]:
    tokens = re.findall(r"\s*\S+", text) or [text]
    return tuple("".join(tokens[i:i + per_piece]) for i in range(0, len(tokens), per_piece))
