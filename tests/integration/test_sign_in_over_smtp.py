"""Sign-in end to end through the real container on SQLite and a real SMTP server: the
link arrives by SMTP, and everything after it happens over HTTP."""

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from dishka import Provider, Scope, provide
from litestar.testing import AsyncTestClient
from prometheus_client import REGISTRY
from structlog.testing import capture_logs
from tests.smtp_server import SmtpTestServer

from adapters.memory.system import FixedClock
from adapters.sql.migrate import migrate_url
from domain.ports.system import Clock
from entrypoints.config import Environment, Settings
from entrypoints.http.app import create_app
from entrypoints.ioc import make_container
from entrypoints.worker.runner import Worker

LINK = re.compile(r"https://tesigo\.test/auth/verify\?token=([A-Za-z0-9_\-]+)")
MAGIC, VERIFY = "/api/v1/auth/magic-link", "/api/v1/auth/verify-magic-link"
REFRESH = "/api/v1/auth/refresh"


class ClockProvider(Provider):
    def __init__(self, clock: FixedClock) -> None:
        super().__init__()
        self._clock = clock

    @provide(scope=Scope.APP)
    def clock(self) -> Clock:
        return self._clock


class Stack:
    def __init__(self, client: AsyncTestClient[Any], smtp: SmtpTestServer, clock: FixedClock,
                 worker: Worker) -> None:
        self.client, self.smtp, self.clock, self.worker = client, smtp, clock, worker

    def token_in(self, index: int = -1) -> str:
        message = self.smtp.messages[index]
        text = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        match = LINK.search(text)
        assert match and match.group(1) in html
        return match.group(1)

    async def request_link(self, email: str = "ada@example.com") -> None:
        response = await self.client.post(MAGIC, json={"email": email})
        assert response.status_code == 202


@pytest.fixture
async def stack(tmp_path) -> AsyncIterator[Stack]:
    smtp = SmtpTestServer()
    smtp.start()
    url = f"sqlite:///{tmp_path}/tesigo.db"
    migrate_url(url)
    settings = Settings(environment=Environment.TEST, database_url=url,
                        app_url="https://tesigo.test", smtp_host=smtp.host, smtp_port=smtp.port,
                        secret_key="integration-secret-key-0123456789abcdef").check()
    clock = FixedClock()
    container = make_container(settings, ClockProvider(clock))
    async with AsyncTestClient(app=create_app(container, settings)) as client:
        yield Stack(client, smtp, clock, Worker(container))
    await container.close()
    smtp.stop()


async def test_the_link_arrives_by_smtp_and_works_once(stack: Stack) -> None:
    await stack.request_link()
    assert len(stack.smtp.messages) == 1  # delivered at once, after the answer
    assert stack.smtp.messages[0]["To"] == "ada@example.com"
    token = stack.token_in()
    first = await stack.client.post(VERIFY, json={"token": token})
    assert first.status_code == 200
    second = await stack.client.post(VERIFY, json={"token": token})
    assert second.status_code == 400


async def test_an_expired_link_answers_400(stack: Stack) -> None:
    await stack.request_link()
    stack.clock.advance(minutes=10, seconds=1)
    assert (await stack.client.post(VERIFY, json={"token": stack.token_in()})).status_code == 400


async def test_refresh_rotation_reuse_and_logout_all(stack: Stack) -> None:
    await stack.request_link()
    pair = (await stack.client.post(VERIFY, json={"token": stack.token_in()})).json()
    rotated = await stack.client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != pair["refresh_token"]
    stack.clock.advance(seconds=11)  # past REFRESH_REUSE_GRACE_S: no second tab, a replay
    reused = await stack.client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
    assert reused.status_code == 401
    killed = await stack.client.post(REFRESH, json={"refresh_token": new["refresh_token"]})
    assert killed.status_code == 401

    await stack.request_link()
    live = (await stack.client.post(VERIFY, json={"token": stack.token_in()})).json()
    bearer = {"Authorization": f"Bearer {live['access_token']}"}
    assert (await stack.client.get("/api/v1/auth/me", headers=bearer)).status_code == 200
    assert (await stack.client.post("/api/v1/auth/logout-all", headers=bearer)).status_code == 204
    assert (await stack.client.get("/api/v1/auth/me", headers=bearer)).status_code == 401


async def test_with_smtp_down_the_request_still_succeeds_and_mail_goes_out_later(
        stack: Stack) -> None:
    stack.smtp.stop()
    await stack.request_link()
    assert stack.smtp.messages == []
    stack.smtp.start()
    stack.clock.advance(seconds=30)
    await stack.worker.deliver_mail()
    assert len(stack.smtp.messages) == 1
    await stack.worker.deliver_mail()
    assert len(stack.smtp.messages) == 1  # delivered once
    token = stack.token_in()
    assert (await stack.client.post(VERIFY, json={"token": token})).status_code == 200


def emails(outcome: str) -> float:
    return REGISTRY.get_sample_value("tesigo_emails_total", {"outcome": outcome}) or 0.0


async def test_mail_sent_right_after_the_answer_is_counted(stack: Stack) -> None:
    sent, failed = emails("sent"), emails("failed")

    await stack.request_link()

    assert len(stack.smtp.messages) == 1  # sent on the request path, not by the worker
    assert (emails("sent"), emails("failed")) == (sent + 1, failed)


def delivery_failures(logs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [entry for entry in logs if entry["event"] == "e-mail delivery failed"]


async def test_a_refused_message_is_logged_with_the_servers_code_and_host(
        stack: Stack) -> None:
    stack.smtp.reply = "554 5.7.1 Transaction failed"
    failed = emails("failed")

    with capture_logs() as logs:
        await stack.request_link()  # the answer's background delivery
        stack.clock.advance(seconds=30)
        await stack.worker.deliver_mail()  # and the worker's retry

    [first, retry] = delivery_failures(logs)
    assert first["log_level"] == retry["log_level"] == "warning"
    assert (first["smtp_code"], first["server"]) == (554, f"{stack.smtp.host}:{stack.smtp.port}")
    assert "Transaction failed" in first["reason"]
    assert (first["attempts"], retry["attempts"]) == (1, 2)
    assert retry["message_id"] == first["message_id"] and retry["retry_at"]
    assert emails("failed") == failed + 2
    assert "/auth/verify" not in str(logs) and "token=" not in str(logs)


async def test_an_unreachable_server_is_logged_without_a_code(stack: Stack) -> None:
    stack.smtp.stop()

    with capture_logs() as logs:
        await stack.request_link()

    [failure] = delivery_failures(logs)
    assert failure["smtp_code"] is None
    assert failure["server"] == f"{stack.smtp.host}:{stack.smtp.port}"
    assert failure["reason"] and "/auth/verify" not in str(logs)
