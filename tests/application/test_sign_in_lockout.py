"""Failed sign-in tokens lock the client address out; a success forgets the failures."""

import pytest
from tests.application.sign_in_steps import last_token
from tests.memory_container import Fakes

from adapters.memory.database import AUDIT_LOG
from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.auth.verify_magic_link import VerifyMagicLink, VerifyMagicLinkRequest
from application.mail.deliver_outbox import DeliverOutbox
from domain.errors import InvalidMagicLink, RateLimited

IP, OTHER_IP = "203.0.113.9", "198.51.100.4"
BAD = "not-a-token-but-long-enough-0123456789abcdef"


async def good_token(run, fakes: Fakes) -> str:  # type: ignore[no-untyped-def]
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    return last_token(fakes)


async def verify(run, token: str, ip: str = IP):  # type: ignore[no-untyped-def]
    return await run(VerifyMagicLink, VerifyMagicLinkRequest(token=token, ip=ip))


async def fail(run, times: int, ip: str = IP) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        with pytest.raises(InvalidMagicLink):
            await verify(run, BAD, ip)


async def test_five_failures_lock_the_address_out_even_for_a_good_token(run, fakes) -> None:
    token = await good_token(run, fakes)
    await fail(run, 5)

    with pytest.raises(RateLimited) as refused:
        await verify(run, token)

    assert refused.value.retry_after_s == 900
    assert "15 minutes" in refused.value.message
    fakes.clock.advance(seconds=899)
    with pytest.raises(RateLimited):
        await verify(run, token)
    fakes.clock.advance(seconds=1)
    assert (await verify(run, await good_token(run, fakes))).access_token


async def test_four_failures_lock_nothing_and_other_addresses_are_apart(run, fakes) -> None:
    token = await good_token(run, fakes)
    await fail(run, 4)
    await fail(run, 5, ip=OTHER_IP)

    assert (await verify(run, token)).access_token


async def test_failures_older_than_the_window_are_forgotten(run, fakes) -> None:
    await fail(run, 4)
    fakes.clock.advance(seconds=901)
    await fail(run, 4)

    assert (await verify(run, await good_token(run, fakes))).access_token


async def test_each_repeated_lockout_doubles(run, fakes) -> None:
    waits = []
    for _ in range(3):
        await fail(run, 5)
        with pytest.raises(RateLimited) as refused:
            await verify(run, BAD)
        waits.append(refused.value.retry_after_s)
        fakes.clock.advance(seconds=refused.value.retry_after_s)

    assert waits == [900, 1800, 3600]


async def test_a_success_resets_the_failures_and_the_doubling(run, fakes) -> None:
    await fail(run, 5)
    fakes.clock.advance(seconds=900)
    await fail(run, 4)
    assert (await verify(run, await good_token(run, fakes))).access_token

    await fail(run, 4)  # counted afresh: four is still under the limit
    await fail(run, 1)
    with pytest.raises(RateLimited) as refused:
        await verify(run, BAD)
    assert refused.value.retry_after_s == 900  # not doubled: the success forgot the strike


async def test_a_lockout_is_audited_with_the_address(run, fakes) -> None:
    await fail(run, 5)

    entries = [e for e in fakes.db.tables[AUDIT_LOG].values() if e.action == "auth.locked_out"]
    assert [(e.ip, e.details["seconds"]) for e in entries] == [(IP, 900)]


async def test_used_and_expired_tokens_count_as_failures(run, fakes) -> None:
    token = await good_token(run, fakes)
    await verify(run, token)
    for _ in range(5):
        with pytest.raises(InvalidMagicLink):
            await verify(run, token)  # used

    with pytest.raises(RateLimited):
        await verify(run, await good_token(run, fakes))
