"""The body of the `openai` client's raw response (`with_streaming_response`), read with the
errors the client's own parsing raises: a read that times out (the client's timeout, per
chunk) is openai.APITimeoutError, a broken connection openai.APIConnectionError."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import anyio
import httpx2
import openai
from openai import AsyncAPIResponse

# What the client's own stream turns into APITimeoutError / APIConnectionError while reading.
_TIMEOUTS = (httpx2.TimeoutException,)
_BROKEN = (httpx2.RequestError, ssl.SSLError, anyio.EndOfStream)
DRAIN_S = 1.0


async def read_body(response: AsyncAPIResponse[Any]) -> bytes:
    with _client_errors(response):
        return await response.read()


async def data_events(response: AsyncAPIResponse[Any]) -> AsyncIterator[bytes]:
    """The data of each server-sent event (its `data:` lines joined by newlines), until
    `[DONE]` or the end of the body; comments, `event:`, `id:` and `retry:` lines are
    skipped."""
    with _client_errors(response):
        events = _events(response.iter_bytes())
        async for data in events:
            if data.startswith(b"[DONE]"):
                break
            yield data
        else:
            return
    await _drain(events)


async def _drain(rest: AsyncIterator[bytes]) -> None:
    """Read what follows `[DONE]` (usually nothing), so that the HTTP/1.1 connection goes
    back to the pool instead of being closed; a server that keeps talking is cut off."""
    with suppress(Exception):
        async with asyncio.timeout(DRAIN_S):
            async for _ in rest:
                pass


@contextmanager
def _client_errors(response: AsyncAPIResponse[Any]) -> Iterator[None]:
    try:
        yield
    except _TIMEOUTS as error:
        raise openai.APITimeoutError(request=response.http_request) from error
    except _BROKEN as error:
        raise openai.APIConnectionError(request=response.http_request) from error


async def _events(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    pending, data = b"", list[bytes]()
    async for chunk in chunks:
        pending += chunk
        # A line ends at \n, \r\n or \r; a trailing \r waits in case \n follows.
        cut = max(pending.rfind(b"\n"), pending.rfind(b"\r", 0, len(pending) - 1)) + 1
        if not cut:
            continue
        lines, pending = pending[:cut].splitlines(), pending[cut:]
        for line in lines:
            if not line:
                if data:
                    yield b"\n".join(data)
                    data = []
            elif line.startswith(b"data:"):
                value = line[5:]
                data.append(value[1:] if value.startswith(b" ") else value)
    if pending.startswith(b"data:"):
        value = pending.rstrip(b"\r")[5:]
        data.append(value[1:] if value.startswith(b" ") else value)
    if data:
        yield b"\n".join(data)
