"""WS /api/v1/jobs/{id}/events?token=…&after=…: what the client missed, then live events,
closed after the job's terminal state (entrypoints/http/job_event_stream.py)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import aclosing
from uuid import UUID

import msgspec
from dishka import AsyncContainer
from litestar import WebSocket, websocket
from litestar.exceptions import WebSocketDisconnect
from litestar.params import FromPath, FromQuery

from application.auth.authenticate import Authenticate
from application.jobs.get_job import GetJob, JobEventsSince
from domain.errors import NotAuthenticated, NotFound
from domain.ids import JobId
from domain.jobs import GenerationJob, JobEvent
from domain.ports.job_events import JobEventPublisher
from entrypoints.http.job_event_stream import followed
from entrypoints.http.job_schemas import JobEventOut
from entrypoints.web.session import ACCESS

UNAUTHORIZED, NOT_FOUND = 4401, 4404


async def _send(socket: WebSocket, event: JobEvent) -> None:  # type: ignore[type-arg]
    await socket.send_text(msgspec.json.encode(JobEventOut.of(event)).decode())


def _page_session(socket: WebSocket) -> str:  # type: ignore[type-arg]
    """The web page's session cookie, when the socket comes from the page itself: a browser
    sends cookies to a WebSocket of any origin, so another site's must not ride on them."""
    origin, host = socket.headers.get("origin", ""), socket.headers.get("host", "")
    same = bool(host) and origin.split("://", 1)[-1] == host
    return socket.cookies.get(ACCESS, "") if same else ""


@websocket("/api/v1/jobs/{job_id:uuid}/events")
async def job_events(socket: WebSocket, job_id: FromPath[UUID],  # type: ignore[type-arg]
                     token: FromQuery[str] = "", after: FromQuery[int] = 0) -> None:
    """Refusals come after the handshake, as close codes a browser can read: 4401 for a
    missing or bad token, 4404 for an unknown job and for another user's (alike). A close
    before accepting would reach the client only as a bare HTTP 403."""
    container: AsyncContainer = socket.app.state.dishka_container
    token = token or _page_session(socket)
    await socket.accept()
    async with container() as scope:
        try:
            user = await (await scope.get(Authenticate))(token)
            await (await scope.get(GetJob))(user.id, JobId(job_id))
        except NotAuthenticated:
            await socket.close(code=UNAUTHORIZED, reason="authentication required")
            return
        except NotFound:
            await socket.close(code=NOT_FOUND, reason="no such job")
            return
    publisher = await container.get(JobEventPublisher)

    async def stored_since(seq: int) -> tuple[GenerationJob, Sequence[JobEvent]]:
        async with container() as scope:
            return await (await scope.get(JobEventsSince))(user.id, JobId(job_id), seq)

    # Following starts before the missed events are read, so none falls between the two.
    async with publisher.follow(JobId(job_id)) as live, aclosing(
            followed(stored_since, live, max(0, after))) as events:
        try:
            async for event in events:
                await _send(socket, event)
            await socket.close()
        except WebSocketDisconnect:
            return
