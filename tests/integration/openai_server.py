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

from tests.integration.openai_app import ChatCompletionsApp, RecordedRequest, Responder
from tests.integration.openai_replies import Reply
from tests.threaded_server import HOST, ThreadedAsgiServer

__all__ = ["OpenAiTestServer", "RecordedRequest", "Reply"]


class OpenAiTestServer(ThreadedAsgiServer):
    def __init__(self, *, port: int = 0, text_responder: Responder | None = None,
                 json_responder: Responder | None = None) -> None:
        super().__init__(ChatCompletionsApp(), port=port)
        self._app.text_responder, self._app.json_responder = text_responder, json_responder

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
