"""OUTBOX_RETRY_S: how soon the outbox tries a message again after the mail server failed."""

import pytest
from tests.memory_container import settings_for

from adapters.memory.database import OUTBOX
from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.mail.deliver_outbox import DeliverOutbox
from entrypoints.config import Settings


@pytest.fixture
def settings() -> Settings:
    return settings_for(outbox_retry_s=1)


async def test_a_failed_message_is_due_again_after_the_first_retry_then_twice_as_long(
        run, fakes) -> None:
    fakes.mailer.fail = True
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    delays = []
    for _ in range(3):
        report = await run(DeliverOutbox)
        assert report.failed == 1
        [message] = fakes.db.tables[OUTBOX].values()
        delays.append((message.next_attempt_at - fakes.clock.now()).total_seconds())
        fakes.clock.advance(seconds=delays[-1])
    assert delays == [1, 2, 4]
    fakes.mailer.fail = False
    assert (await run(DeliverOutbox)).sent == 1
    assert len(fakes.mailer.sent) == 1
