from collections.abc import AsyncIterator, Iterator

import pytest
from tests.integration.openai_harness import Harness
from tests.integration.openai_server import OpenAiTestServer
from tests.smtp_server import SmtpTestServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer() as server:
        yield server


@pytest.fixture(scope="module")
def openai_server() -> Iterator[OpenAiTestServer]:
    """One local OpenAI-compatible server per test module."""
    with OpenAiTestServer() as running:
        yield running


@pytest.fixture
async def llm(openai_server: OpenAiTestServer) -> AsyncIterator[Harness]:
    """A fresh view of the module's server and a model adapter talking to it."""
    harness = Harness(openai_server)
    yield harness
    await harness.aclose()
