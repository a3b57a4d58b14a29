"""The worker's own `/metrics`: jobs, the e-mail outbox, housekeeping and the breakers live
in the worker process, so Prometheus scrapes it as it scrapes the API. Served on
WORKER_METRICS_HOST:WORKER_METRICS_PORT, guarded like the API's (METRICS_ALLOWED peers or
METRICS_TOKEN; anyone else gets 404), and nothing else is served there."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import uvicorn
from dishka import AsyncContainer
from dishka.integrations.litestar import setup_dishka
from litestar import Litestar

from entrypoints.http.app import MetricsController


class _Server(uvicorn.Server):
    """Leaves SIGTERM and SIGINT to the worker, which stops this server through `stop`."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class MetricsServer:
    def __init__(self, container: AsyncContainer, *, host: str, port: int) -> None:
        app = Litestar(route_handlers=[MetricsController], logging_config=None)
        setup_dishka(container, app)
        self._server = _Server(uvicorn.Config(app, host=host, port=port, log_config=None,
                                              access_log=False, lifespan="off",
                                              proxy_headers=False, server_header=False))

    @property
    def port(self) -> int:
        """The port it listens on (the one the OS chose when asked for port 0)."""
        port: int = self._server.servers[0].sockets[0].getsockname()[1]
        return port

    @property
    def started(self) -> bool:
        return self._server.started

    async def run(self) -> None:
        await self._server.serve()

    def stop(self) -> None:
        self._server.should_exit = True
