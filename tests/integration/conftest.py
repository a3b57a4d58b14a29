from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from tests.integration.openai_harness import Harness
from tests.integration.openai_server import OpenAiTestServer
from tests.integration.scholar_servers import RecordingSleep
from tests.integration.stripe_server import StripeTestServer
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


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP client the search adapters are given. Its timeout is short enough for the
    stall test and long enough that a busy CI machine never trips it on a good answer (0.5 s
    did, once: a spurious retry)."""
    async with httpx.AsyncClient(timeout=2.0) as client:
        yield client


@pytest.fixture
def sleep() -> RecordingSleep:
    """A sleep that returns at once and records how long it was asked to wait."""
    return RecordingSleep()


@pytest.fixture
def stripe_server() -> Iterator[StripeTestServer]:
    """A fresh local Stripe-compatible API per test (see tests/integration/stripe_server.py)."""
    with StripeTestServer() as server:
        yield server
