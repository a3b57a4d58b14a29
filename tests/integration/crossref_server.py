"""A local stand-in for Crossref's REST API, `GET /works/{doi}` (uvicorn in its own thread).

    with CrossrefTestServer() as crossref:
        crossref.works["10.1038/nature14539"] = a_record(...)   # DOIs in lower case
        crossref.plan(Reply.error(503))                          # then the stored records
        lookup = CrossrefLookup(client=client, base_url=crossref.base_url)
        crossref.requests[-1].raw_path, .path, .params, .headers

Like the real API: the record comes as `{"status": "ok", "message-type": "work", "message"}`;
a DOI it does not hold is a 404 with the plain-text body `Resource not found.`; DOIs match
whatever their case. Planned replies (`Reply`, as for the scholarly servers) are used one per
request, in order; `Reply.stall(s)` says nothing for `s` seconds (or until the client hangs
up). `reset()` forgets plans, requests and records.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from tests.integration.scholar_app import Reply, send_reply
from tests.threaded_server import HOST, ThreadedAsgiServer

__all__ = ["CrossrefTestServer", "Reply", "a_record"]
PREFIX = "/works/"


@dataclass(frozen=True)
class WorkRequest:
    path: str  # percent-decoded, as the server reads it
    raw_path: str  # as sent
    params: dict[str, str]
    headers: dict[str, str]  # lower-case names


def a_record(doi: str, title: str | None, **fields: Any) -> dict[str, Any]:
    """A Crossref `message`: `title` (None: none), the DOI, plus any other fields as given
    (Crossref's names, hyphenated, passed as a dict: `**{"container-title": [...]}`)."""
    return {"DOI": doi, "type": "journal-article", "title": [] if title is None else [title],
            **fields}


class CrossrefApp:
    def __init__(self) -> None:
        self.works: dict[str, dict[str, Any]] = {}
        self.requests: list[WorkRequest] = []
        self.planned: deque[Reply] = deque()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        params = dict(parse_qsl(scope["query_string"].decode(), keep_blank_values=True))
        self.requests.append(WorkRequest(scope["path"], scope["raw_path"].decode("latin-1"),
                                         params, headers))
        reply = self.planned.popleft() if self.planned else Reply()
        if reply.delay_s and not await _client_waits(receive, reply.delay_s):
            return
        if reply.status == 200 and reply.body is None:
            reply = self._stored(scope["method"], scope["path"])
        await send_reply(send, reply)

    def _stored(self, method: str, path: str) -> Reply:
        doi = path.removeprefix(PREFIX).lower()
        if method != "GET" or not path.startswith(PREFIX) or doi not in self.works:
            return Reply.raw("Resource not found.", status=404)
        return Reply.json({"status": "ok", "message-type": "work", "message-version": "1.0.0",
                           "message": self.works[doi]})


async def _client_waits(receive: Any, seconds: float) -> bool:
    try:
        message = await asyncio.wait_for(receive(), seconds)
    except TimeoutError:
        return True
    return bool(message.get("type") != "http.disconnect")


class CrossrefTestServer(ThreadedAsgiServer):
    def __init__(self, *, port: int = 0) -> None:
        self._crossref = CrossrefApp()
        super().__init__(self._crossref, port=port)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def works(self) -> dict[str, dict[str, Any]]:
        return self._crossref.works

    @property
    def requests(self) -> list[WorkRequest]:
        return self._crossref.requests

    def plan(self, *replies: Reply) -> None:
        self._crossref.planned.extend(replies)

    def reset(self) -> None:
        self._crossref.planned.clear()
        self._crossref.requests.clear()
        self._crossref.works.clear()
