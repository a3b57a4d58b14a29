"""The parts of Chat Completions answers this adapter reads, decoded by msgspec straight from
the bytes (no pydantic model per streamed chunk): the text, the usage, an error in a stream.
Every other field is skipped; a field that is missing or null reads as absent. A body that
is not JSON, or has one of these fields of another type, raises msgspec.DecodeError (as
json.loads and the client's parsing raised before: not a transient failure)."""

from __future__ import annotations

from typing import Any

import msgspec


class TokenUsage(msgspec.Struct, frozen=True):
    """What the server counted; None where it did not say."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class _Delta(msgspec.Struct):
    content: str | None = None


class _StreamChoice(msgspec.Struct):
    delta: _Delta | None = None


class StreamChunk(msgspec.Struct):
    """One `data:` event of a streamed answer (`error` is set when the server reports one)."""

    choices: list[_StreamChoice] | None = None
    usage: TokenUsage | None = None
    error: Any = None

    @property
    def content(self) -> str | None:
        choices = self.choices
        delta = choices[0].delta if choices else None
        return delta.content if delta else None


class _Message(msgspec.Struct):
    content: str | None = None


class _Choice(msgspec.Struct):
    message: _Message | None = None


class ChatCompletion(msgspec.Struct):
    """A whole (not streamed) answer."""

    choices: list[_Choice] | None = None
    usage: TokenUsage | None = None

    @property
    def content(self) -> str | None:
        choices = self.choices
        message = choices[0].message if choices else None
        return message.content if message else None


_chunks = msgspec.json.Decoder(StreamChunk)
_completions = msgspec.json.Decoder(ChatCompletion)


def decode_chunk(data: bytes) -> StreamChunk:
    return _chunks.decode(data)


def decode_completion(body: bytes) -> ChatCompletion:
    return _completions.decode(body)
