import pytest
from tests.application.sign_in_steps import last_token, sign_in

from adapters.memory.database import MAGIC_LINKS, OUTBOX, USERS
from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.auth.verify_magic_link import VerifyMagicLink, VerifyMagicLinkRequest
from application.mail.deliver_outbox import DeliverOutbox
from domain.digests import digest
from domain.errors import AccountBlocked, InvalidMagicLink, RateLimited
from domain.users import Email, Role


async def test_a_link_is_mailed_with_text_and_html_parts(run, fakes) -> None:
    await run(RequestMagicLink, MagicLinkRequest(email="Ada@Example.com"))
    assert fakes.mailer.sent == []  # nothing leaves on the request path
    report = await run(DeliverOutbox)
    assert report.sent == 1
    [message] = fakes.mailer.sent
    token = last_token(fakes)
    assert message.to == "ada@example.com"
    assert token in message.html and token in message.text
    assert len(token) >= 43


async def test_only_the_digest_of_the_token_is_stored(run, fakes) -> None:
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    token = last_token(fakes)
    [link] = fakes.db.tables[MAGIC_LINKS].values()
    assert link.token_digest == digest(token)
    assert token not in repr(link)
    [sent] = fakes.db.tables[OUTBOX].values()
    assert token not in sent.message.text  # wiped once delivered


async def test_known_and_unknown_addresses_are_treated_alike(run, fakes) -> None:
    await sign_in(run, fakes, "known@example.com")
    await run(RequestMagicLink, MagicLinkRequest(email="known@example.com"))
    await run(RequestMagicLink, MagicLinkRequest(email="stranger@example.com"))
    await run(DeliverOutbox)
    assert {m.to for m in fakes.mailer.sent[-2:]} == {"known@example.com", "stranger@example.com"}
    assert len(fakes.db.tables[USERS]) == 1  # asking for a link creates no account


async def test_the_first_use_creates_the_account_and_admins_come_from_settings(run, fakes):
    await sign_in(run, fakes, "ada@example.com")
    await sign_in(run, fakes, "boss@example.com")
    roles = {u.email: u.role for u in fakes.db.tables[USERS].values()}
    assert roles == {Email("ada@example.com"): Role.USER, Email("boss@example.com"): Role.ADMIN}


async def test_a_link_works_once(run, fakes) -> None:
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    token = last_token(fakes)
    pair = await run(VerifyMagicLink, VerifyMagicLinkRequest(token=token))
    assert pair.access_token and pair.refresh_token
    with pytest.raises(InvalidMagicLink):
        await run(VerifyMagicLink, VerifyMagicLinkRequest(token=token))


async def test_a_link_expires_after_ten_minutes(run, fakes) -> None:
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    fakes.clock.advance(minutes=10)
    with pytest.raises(InvalidMagicLink):
        await run(VerifyMagicLink, VerifyMagicLinkRequest(token=last_token(fakes)))


async def test_an_unknown_token_is_refused(run) -> None:
    with pytest.raises(InvalidMagicLink):
        await run(VerifyMagicLink, VerifyMagicLinkRequest(token="x" * 43))


async def test_each_address_may_ask_five_times_an_hour(run, fakes) -> None:
    for _ in range(5):
        await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    with pytest.raises(RateLimited) as refused:
        await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    assert 0 < refused.value.retry_after_s <= 3600
    await run(RequestMagicLink, MagicLinkRequest(email="other@example.com"))
    assert len(fakes.db.tables[MAGIC_LINKS]) == 6


async def test_mail_waits_while_the_server_is_down_and_goes_out_later(run, fakes) -> None:
    fakes.mailer.fail = True
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    assert (await run(DeliverOutbox)).failed == 1
    fakes.mailer.fail = False
    assert (await run(DeliverOutbox)).sent == 0  # not due yet: it backs off
    fakes.clock.advance(seconds=6)
    assert (await run(DeliverOutbox)).sent == 1
    assert (await run(DeliverOutbox)).sent == 0  # sent once, not twice
    assert len(fakes.mailer.sent) == 1


async def test_a_blocked_account_gets_no_link_and_cannot_use_an_old_one(run, fakes) -> None:
    await sign_in(run, fakes)
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    token = last_token(fakes)
    [user] = fakes.db.tables[USERS].values()
    fakes.db.tables[USERS][user.id] = user.block()
    sent_before = len(fakes.mailer.sent)
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    assert len(fakes.mailer.sent) == sent_before
    with pytest.raises(AccountBlocked):
        await run(VerifyMagicLink, VerifyMagicLinkRequest(token=token))


async def test_known_unknown_and_blocked_addresses_cost_the_same_writes(run, fakes) -> None:
    """The answer's timing must not tell a blocked account apart: each request writes one
    link and one outbox message, whoever asks; only the blocked one's is never sent."""
    await sign_in(run, fakes, "known@example.com")
    await sign_in(run, fakes, "blocked@example.com")
    blocked = next(u for u in fakes.db.tables[USERS].values()
                   if u.email.value == "blocked@example.com")
    fakes.db.tables[USERS][blocked.id] = blocked.block()
    writes = []
    for email in ("known@example.com", "unknown@example.com", "blocked@example.com"):
        links, messages = len(fakes.db.tables[MAGIC_LINKS]), len(fakes.db.tables[OUTBOX])
        await run(RequestMagicLink, MagicLinkRequest(email=email))
        writes.append((len(fakes.db.tables[MAGIC_LINKS]) - links,
                       len(fakes.db.tables[OUTBOX]) - messages))
    sent_before = len(fakes.mailer.sent)

    await run(DeliverOutbox)

    assert writes == [(1, 1)] * 3
    assert sorted(m.to for m in fakes.mailer.sent[sent_before:]) == [
        "known@example.com", "unknown@example.com"]
    [withheld] = [m for m in fakes.db.tables[OUTBOX].values()
                  if m.message.to == "blocked@example.com" and m.last_error]
    assert withheld.message.text == "" and not withheld.pending
