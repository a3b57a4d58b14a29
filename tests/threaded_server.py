"""An ASGI app served by uvicorn in a daemon thread on 127.0.0.1, for local stand-ins of
outside services (a model server, scholarly search). `stop()` then `start()` serves again on
the same port."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any, Self

import uvicorn

HOST = "127.0.0.1"


class ThreadedAsgiServer:
    def __init__(self, app: Any, *, port: int = 0) -> None:
        self.port = port
        self._app = app
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._server is not None:
            return
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, self.port))
        self.port = listener.getsockname()[1]
        config = uvicorn.Config(self._app, interface="asgi3", lifespan="off", access_log=False,
                                log_level="warning", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [listener]},
                                        name=type(self).__name__, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{type(self).__name__} did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server, self._thread = None, None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


async def read_request(scope: dict[str, Any], receive: Any) -> tuple[bytes, dict[str, str]]:
    """An ASGI request's whole body and its headers (names in lower case)."""
    raw = b""
    while True:
        message = await receive()
        raw += message.get("body", b"")
        if not message.get("more_body"):
            break
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    return raw, headers
