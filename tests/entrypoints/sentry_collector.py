"""A local stand-in for a Sentry server: takes the envelopes the SDK posts (uvicorn in its own
thread) and keeps each body as it arrived on the wire, decompressed.

    with SentryCollector() as sentry:
        settings = settings_for(sentry_dsn=sentry.dsn)
        ...
        sentry.raw                     # every body received (gzip and brotli undone)
        sentry.events()                # the `event` items, decoded
        await sentry.wait_for_events(1)

An envelope is a JSON header line, then items: a JSON item header (with `length` when the
payload's size is given) and the payload, each item ending with a newline.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from typing import Any

import brotli  # type: ignore[import-untyped]
from tests.threaded_server import HOST, ThreadedAsgiServer, read_request


def items_of(envelope: bytes) -> list[tuple[dict[str, Any], bytes]]:
    """The (item header, payload) pairs of one envelope."""
    _, _, rest = envelope.partition(b"\n")
    found = []
    while rest.strip():
        line, _, rest = rest.partition(b"\n")
        header = json.loads(line)
        if "length" in header:
            payload, rest = rest[:header["length"]], rest[header["length"]:].removeprefix(b"\n")
        else:
            payload, _, rest = rest.partition(b"\n")
        found.append((header, payload))
    return found


class CollectorApp:
    def __init__(self) -> None:
        self.raw: list[bytes] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body, headers = await read_request(scope, receive)
        encoding = headers.get("content-encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.raw.append(body)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b"{}"})


class SentryCollector(ThreadedAsgiServer):
    def __init__(self) -> None:
        self.app = CollectorApp()
        super().__init__(self.app)

    @property
    def dsn(self) -> str:
        return f"http://public@{HOST}:{self.port}/1"

    @property
    def raw(self) -> list[bytes]:
        return self.app.raw

    def events(self) -> list[dict[str, Any]]:
        return [json.loads(payload) for body in self.raw for header, payload in items_of(body)
                if header.get("type") == "event"]

    async def wait_for_events(self, count: int = 1,
                              timeout_s: float = 10.0) -> list[dict[str, Any]]:
        """The events once `count` have arrived (the SDK sends from its own thread)."""
        async with asyncio.timeout(timeout_s):
            while len(events := self.events()) < count:
                await asyncio.sleep(0.02)
        return events
