"""Two tabs refreshing with one token at the same moment both stay signed in; a replay
after the grace still revokes the family."""

import asyncio

import pytest
from tests.application.sign_in_steps import sign_in

from application.auth.refresh_session import RefreshRequest, RefreshSession
from domain.errors import NotAuthenticated, RefreshTokenReused


async def refresh(run, token: str):  # type: ignore[no-untyped-def]
    return await run(RefreshSession, RefreshRequest(refresh_token=token))


async def test_twenty_concurrent_refreshes_all_get_the_same_successor(run, fakes) -> None:
    first = await sign_in(run, fakes)

    pairs = await asyncio.gather(*(refresh(run, first.refresh_token) for _ in range(20)))

    assert len({pair.refresh_token for pair in pairs}) == 1
    assert pairs[0].refresh_token != first.refresh_token
    assert (await refresh(run, pairs[0].refresh_token)).refresh_token  # the winner lives on


async def test_a_replay_within_the_grace_changes_nothing(run, fakes) -> None:
    first = await sign_in(run, fakes)
    second = await refresh(run, first.refresh_token)
    fakes.clock.advance(seconds=10)

    again = await refresh(run, first.refresh_token)

    assert again.refresh_token == second.refresh_token
    assert again.access_token  # a fresh access token
    assert (await refresh(run, second.refresh_token)).refresh_token


async def test_after_the_grace_a_replay_revokes_the_family(run, fakes) -> None:
    first = await sign_in(run, fakes)
    second = await refresh(run, first.refresh_token)
    fakes.clock.advance(seconds=11)

    with pytest.raises(RefreshTokenReused):
        await refresh(run, first.refresh_token)
    with pytest.raises(NotAuthenticated):
        await refresh(run, second.refresh_token)


async def test_only_the_token_just_rotated_out_has_a_grace(run, fakes) -> None:
    first = await sign_in(run, fakes)
    second = await refresh(run, first.refresh_token)
    await refresh(run, second.refresh_token)

    with pytest.raises(RefreshTokenReused):  # two rotations back, even at once
        await refresh(run, first.refresh_token)


async def test_successors_of_different_sessions_differ(run, fakes) -> None:
    laptop, phone = await sign_in(run, fakes), await sign_in(run, fakes)

    assert (await refresh(run, laptop.refresh_token)).refresh_token != \
        (await refresh(run, phone.refresh_token)).refresh_token
