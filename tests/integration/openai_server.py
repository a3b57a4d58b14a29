"""A local OpenAI-compatible Chat Completions server for tests (uvicorn in its own thread).

    server = OpenAiTestServer()
    server.start()                      # or: with OpenAiTestServer() as server:
    server.plan(Reply.error(429, headers={"retry-after": "2"}), Reply.answer("Hello"))
    client = AsyncOpenAI(base_url=server.base_url, api_key="k")   # base_url ends in /v1
    server.requests[-1].model, .messages, .response_format, .stream, .headers ...
    server.stop()                       # start() again serves on the same port

Planned replies are used one per request, in order (see `Reply`). With nothing planned it
answers by default: `text_responder(request_json) -> str` or, for a `json_schema` request,
`json_responder(request_json) -> dict`, when set; otherwise a text written from the
prompt's `KEY: value` lines (as the offline model does, labelled "[Answer from test model
<model>]", citing the listed sources) or an object filled from the request's schema.
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from tests.integration.openai_app import ChatCompletionsApp, RecordedRequest, Responder
from tests.integration.openai_replies import Reply

__all__ = ["OpenAiTestServer", "RecordedRequest", "Reply"]
HOST = "127.0.0.1"


class OpenAiTestServer:
    def __init__(self, *, port: int = 0, text_responder: Responder | None = None,
                 json_responder: Responder | None = None) -> None:
        self.port = port
        self._app = ChatCompletionsApp()
        self._app.text_responder, self._app.json_responder = text_responder, json_responder
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, in order (also those to unknown paths)."""
        return self._app.requests

    def answer_after(self, seconds: float) -> None:
        """Unplanned answers arrive after `seconds` (a model of fixed latency)."""
        self._app.default_delay_s = seconds

    def plan(self, *replies: Reply) -> None:
        self._app.planned.extend(replies)

    @property
    def planned(self) -> int:
        """Planned replies not used yet."""
        return len(self._app.planned)

    def respond_with(self, *, text: Responder | None = None,
                     json: Responder | None = None) -> None:
        """Replace the default answers' hooks (None restores the built-in default)."""
        self._app.text_responder, self._app.json_responder = text, json

    def reset(self) -> None:
        """Forget planned replies and recorded requests."""
        self._app.planned.clear()
        self._app.requests.clear()

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
                                        name="openai-test-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the OpenAI test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server, self._thread = None, None

    def __enter__(self) -> OpenAiTestServer:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
