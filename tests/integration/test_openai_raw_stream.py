"""OpenAiLanguageModel reads the raw event stream itself (no pydantic model per chunk): what
the client's own stream did must still hold, for framings the test server never sends and
for a server that stops between chunks."""

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from tests.integration.openai_harness import PROMPT, FakeClock
from tests.threaded_server import HOST, ThreadedAsgiServer, read_request

from adapters.llm.openai_model import OpenAiLanguageModel
from domain.ports.language_model import LanguageModelUnavailable


def chunk(content: str | None = None, **extra: Any) -> bytes:
    delta = {} if content is None else {"content": content}
    return json.dumps({"id": "c", "object": "chat.completion.chunk", "choices": [
        {"index": 0, "delta": delta, "finish_reason": None}], **extra}).encode()


class ScriptedStream:
    """Answers each request with the next script: a list of raw body pieces, and floats
    (seconds to wait before the next piece)."""

    def __init__(self) -> None:
        self.scripts: list[list[bytes | float]] = []
        self.requests = 0
        self.client_ports: list[int] = []  # the client's end of each request's connection

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await read_request(scope, receive)
        self.client_ports.append(scope["client"][1])
        script, self.requests = self.scripts[self.requests], self.requests + 1
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/event-stream")]})
        for piece in script:
            if isinstance(piece, float):
                await asyncio.sleep(piece)
            else:
                await send({"type": "http.response.body", "body": piece, "more_body": True})
        await send({"type": "http.response.body", "body": b""})


@pytest.fixture(scope="module")
def scripted() -> Iterator[tuple[ScriptedStream, str]]:
    app = ScriptedStream()
    with ThreadedAsgiServer(app) as server:
        yield app, f"http://{HOST}:{server.port}/v1"


@pytest.fixture
def stream(scripted: tuple[ScriptedStream, str]) -> ScriptedStream:
    app, _ = scripted
    app.scripts, app.requests, app.client_ports = [], 0, []
    return app


@pytest.fixture
async def model(scripted: tuple[ScriptedStream, str]) -> Any:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    adapter = OpenAiLanguageModel(api_key="k", base_url=scripted[1], model="primary",
                                  timeout_s=0.5, max_attempts=2, clock=FakeClock(),
                                  sleep=sleep)
    yield adapter
    await adapter.aclose()


async def test_crlf_split_lines_comments_and_multiline_data(stream: ScriptedStream,
                                                            model: Any) -> None:
    usage = json.dumps({"choices": [], "usage": {"prompt_tokens": 11,
                                                 "completion_tokens": 3}}).encode()
    first = b"data: " + chunk("Bridges ")
    stream.scripts = [[b": keep-alive\r\n\r\nevent: message\r\nid: 1\r\n", first[:9],
                       first[9:] + b"\r", b"\n\r\n",
                       # one event whose JSON is split over two data lines
                       b'data: {"choices": [{"delta":\ndata: {"content": "carry."}}]}\n\n',
                       b"data:" + usage + b"\n\ndata: [DONE]\n\n"]]
    shown: list[str] = []

    async def on_text(text: str) -> None:
        shown.append(text)

    completion = await model.complete(PROMPT, max_tokens=50, on_text=on_text)

    assert shown == ["Bridges ", "carry."] and completion.text == "Bridges carry."
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (11, 3)


async def test_null_fields_and_a_body_without_done_still_answer(stream: ScriptedStream,
                                                                model: Any) -> None:
    stream.scripts = [[b'data: {"choices": [{"delta": {"content": null}}], "usage": null}\n\n',
                       b'data: {"choices": [{"delta": {"role": "assistant"}}]}\n\n',
                       b"data: " + chunk("Done.", usage={"prompt_tokens": None,
                                                         "completion_tokens": 2})]]

    completion = await model.complete(PROMPT, max_tokens=50)

    assert completion.text == "Done."
    assert completion.usage.completion_tokens == 2
    assert completion.usage.prompt_tokens == model.estimate_tokens(PROMPT)


async def test_a_pause_between_chunks_before_any_text_is_retried(stream: ScriptedStream,
                                                                 model: Any) -> None:
    stream.scripts = [[b"data: " + chunk() + b"\n\n", 3.0],
                      [b"data: " + chunk("Whole answer.") + b"\n\ndata: [DONE]\n\n"]]

    completion = await model.complete(PROMPT, max_tokens=50)

    assert completion.text == "Whole answer." and stream.requests == 2


async def test_a_pause_after_text_was_shown_is_not_repeated(stream: ScriptedStream,
                                                            model: Any) -> None:
    stream.scripts = [[b"data: " + chunk("Bridges ") + b"\n\n", 3.0]]

    with pytest.raises(LanguageModelUnavailable, match="stopped in the middle"):
        await model.complete(PROMPT, max_tokens=50)

    assert stream.requests == 1


async def test_after_done_the_connection_is_kept_for_the_next_call(stream: ScriptedStream,
                                                                   model: Any) -> None:
    answer: list[bytes | float] = [b"data: " + chunk("Done.") + b"\n\n", b"data: [DONE]\n\n"]
    stream.scripts = [answer, answer]

    await model.complete(PROMPT, max_tokens=50)
    await model.complete(PROMPT, max_tokens=50)

    assert len(set(stream.client_ports)) == 1
