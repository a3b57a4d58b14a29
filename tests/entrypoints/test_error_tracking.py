"""Error tracking: off without SENTRY_DSN; with one, a failure in a request of the real app
(and in a worker's job) reaches a local stand-in of Sentry, tagged, and with no token,
e-mail address or secret anywhere in what was sent."""

from __future__ import annotations

import asyncio
import gc
import logging
import warnings
from collections.abc import AsyncIterator, Iterator
from importlib.metadata import version
from typing import Any

import pytest
import sentry_sdk
import structlog
from litestar import post
from litestar.params import JSONBody
from litestar.testing import AsyncTestClient
from tests.application.conftest import Run
from tests.entrypoints.sentry_collector import SentryCollector
from tests.entrypoints.test_job_runner import a_runner, queue_jobs, wait_for
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes, memory_container, settings_for

from application.jobs.get_job import GetJob
from entrypoints.config import ConfigError, Settings, load_settings
from entrypoints.error_tracking import init_error_tracking, watch_tasks
from entrypoints.http.app import create_app
from entrypoints.logging import configure_logging

EMAIL = "ada.lovelace@example.com"
TOKEN = "qV3n8XyZ_a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwX"  # the shape of refresh and link tokens
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEiLCJ0diI6MX0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg"
SECRETS = {"secret_key": "sentry-test-secret-key-0123456789-abcdef",
           "stripe_secret_key": "sk_test_sentry_stripe_value_42",
           "smtp_password": "smtp-pass-word-77",
           "openai_api_key": "openai-key-for-sentry-99"}
REQUEST_ID = "req-sentry-0001"
NEVER_SENT = [EMAIL, "@example.com", TOKEN, JWT, *SECRETS.values()]


def tracked_settings(sentry: SentryCollector) -> Settings:
    return settings_for(sentry_dsn=sentry.dsn, **SECRETS)


@post("/api/v1/test/explode", status_code=200)
async def explode(data: JSONBody[dict[str, Any]]) -> None:
    key = SECRETS["secret_key"]  # locals the tracker would show beside the stack
    tokens = {"refresh": data["refresh_token"], "access": JWT}
    raise RuntimeError(f"cannot bill {data['email']} with {SECRETS['stripe_secret_key']} "
                       f"(key {key[:4]}…, {len(tokens)} tokens)")


@pytest.fixture
def sentry() -> Iterator[SentryCollector]:
    with SentryCollector() as collector:
        yield collector


@pytest.fixture(autouse=True)
async def untracked_afterwards() -> AsyncIterator[None]:
    """Logs through the standard library, as in production; afterwards the Sentry client is
    closed and forgotten, the loop's task factory and the logging set-up put back."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    loop = asyncio.get_running_loop()
    factory = loop.get_task_factory()
    configure_logging(json=True, level="INFO")
    yield
    sentry_sdk.get_client().close(timeout=2)
    for scope in (sentry_sdk.get_current_scope(), sentry_sdk.get_isolation_scope(),
                  sentry_sdk.get_global_scope()):
        scope.clear()
    sentry_sdk.get_global_scope().set_client(None)
    loop.set_task_factory(factory)
    with warnings.catch_warnings():  # a task the SDK wrapped, cancelled before it ever ran,
        warnings.simplefilter("ignore", RuntimeWarning)  # leaves its coroutine "never awaited"
        gc.collect()
    root.handlers[:] = handlers
    root.setLevel(level)
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def assert_nothing_secret_in(sentry: SentryCollector) -> None:
    raw = b"\n".join(sentry.raw).decode()
    for value in NEVER_SENT:
        assert value not in raw, f"{value!r} was sent"


async def test_an_error_in_a_request_is_sent_tagged_and_scrubbed(sentry) -> None:
    settings = tracked_settings(sentry)
    assert init_error_tracking(settings)
    container = memory_container(Fakes(), settings)
    app = create_app(container, settings)
    app.register(explode)
    async with AsyncTestClient(app=app, base_url="http://testserver.local") as client:
        response = await client.post(
            f"/api/v1/test/explode?token={TOKEN}",
            json={"email": EMAIL, "refresh_token": TOKEN, "note": f"write to {EMAIL}"},
            headers={"Authorization": f"Bearer {JWT}", "Cookie": f"session={TOKEN}",
                     "X-Request-ID": REQUEST_ID})
    await container.close()
    assert response.status_code == 500
    assert sentry_sdk.flush(timeout=5) is None

    [event] = sentry.events()  # the app's own "unhandled error" log line is not a second one
    [error] = event["exception"]["values"]
    assert error["type"] == "RuntimeError"
    assert error["value"].startswith("cannot bill [email] with [redacted]")
    assert event["tags"]["request_id"] == REQUEST_ID
    assert event["release"] == version("tesigo")
    assert event["environment"] == "test"
    assert event["request"]["data"]["refresh_token"] == "[redacted]"
    assert_nothing_secret_in(sentry)


async def test_domain_errors_are_answers_not_reports(sentry) -> None:
    settings = tracked_settings(sentry)
    init_error_tracking(settings)
    container = memory_container(Fakes(), settings)
    async with AsyncTestClient(app=create_app(container, settings)) as client:
        refused = await client.post("/api/v1/auth/verify-magic-link", json={"token": TOKEN})
    await container.close()
    sentry_sdk.flush(timeout=5)
    assert refused.status_code == 400  # InvalidMagicLink
    assert sentry.events() == []


class BrokenModel(ScriptedLanguageModel):
    async def complete(self, prompt, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError(f"the model server hung up on {EMAIL}")

    async def complete_json(self, prompt, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError(f"the model server hung up on {EMAIL}")


async def test_a_job_that_fails_is_sent_with_its_id(sentry) -> None:
    settings = tracked_settings(sentry)
    fakes = Fakes(model=BrokenModel())
    container = memory_container(fakes, settings)
    run = Run(container)
    user, [job] = await queue_jobs(run, fakes, 1)
    init_error_tracking(settings)
    await watch_tasks()
    runner = a_runner(container)
    task = asyncio.create_task(runner.run())
    try:
        [event, *_] = await sentry.wait_for_events(1)
    finally:
        runner.stop()
        await task
        await container.close()

    assert event["tags"]["job_id"] == str(job.id)
    assert event["logentry"]["message"] == "job attempt failed unexpectedly"
    assert event["exception"]["values"][-1]["value"] == "the model server hung up on [email]"
    assert (await wait_for_attempt(run, user, job)) >= 1
    assert_nothing_secret_in(sentry)


async def wait_for_attempt(run: Any, user: Any, job: Any) -> int:
    async def attempted() -> bool:
        return (await run(GetJob, user.id, job.id)).attempts >= 1

    await wait_for(attempted)
    return int((await run(GetJob, user.id, job.id)).attempts)


def test_without_a_dsn_nothing_starts() -> None:
    assert init_error_tracking(settings_for()) is False
    assert not sentry_sdk.get_client().is_active()


def test_with_a_dsn_no_personal_data_is_collected(sentry) -> None:
    assert init_error_tracking(tracked_settings(sentry))
    client = sentry_sdk.get_client()
    assert client.is_active() and not client.should_send_default_pii()


def test_the_settings_come_from_the_environment() -> None:
    settings = load_settings({"SENTRY_DSN": "http://public@127.0.0.1:9/1",
                              "SENTRY_TRACES_SAMPLE_RATE": "0.25", "SENTRY_RELEASE": "r42"})
    assert (settings.sentry_dsn, settings.sentry_traces_sample_rate,
            settings.sentry_release) == ("http://public@127.0.0.1:9/1", 0.25, "r42")
    assert load_settings({}).sentry_dsn is None
    with pytest.raises(ConfigError):
        load_settings({"SENTRY_TRACES_SAMPLE_RATE": "1.5"})
