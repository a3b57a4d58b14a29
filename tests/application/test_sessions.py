from datetime import timedelta

import pytest
from tests.application.sign_in_steps import sign_in

from application.auth.authenticate import Authenticate
from application.auth.logout import Logout, LogoutRequest
from application.auth.logout_all import LogoutAll, LogoutAllRequest
from application.auth.refresh_session import RefreshRequest, RefreshSession
from domain.errors import NotAuthenticated, RefreshTokenReused


async def test_refresh_rotates_the_refresh_token(run, fakes) -> None:
    first = await sign_in(run, fakes)
    second = await run(RefreshSession, RefreshRequest(refresh_token=first.refresh_token))
    assert second.refresh_token != first.refresh_token
    third = await run(RefreshSession, RefreshRequest(refresh_token=second.refresh_token))
    assert third.refresh_token not in (first.refresh_token, second.refresh_token)


async def test_reusing_a_rotated_out_token_revokes_the_whole_family(run, fakes) -> None:
    first = await sign_in(run, fakes)
    second = await run(RefreshSession, RefreshRequest(refresh_token=first.refresh_token))
    fakes.clock.advance(seconds=11)  # past the grace for a second tab
    with pytest.raises(RefreshTokenReused):
        await run(RefreshSession, RefreshRequest(refresh_token=first.refresh_token))
    with pytest.raises(NotAuthenticated):
        await run(RefreshSession, RefreshRequest(refresh_token=second.refresh_token))


async def test_other_sessions_survive_a_reuse_in_one_family(run, fakes) -> None:
    laptop = await sign_in(run, fakes)
    phone = await sign_in(run, fakes)
    await run(RefreshSession, RefreshRequest(refresh_token=laptop.refresh_token))
    fakes.clock.advance(seconds=11)
    with pytest.raises(RefreshTokenReused):
        await run(RefreshSession, RefreshRequest(refresh_token=laptop.refresh_token))
    assert await run(RefreshSession, RefreshRequest(refresh_token=phone.refresh_token))


async def test_a_session_ends_at_its_absolute_lifetime(run, fakes) -> None:
    started = fakes.clock.now()
    pair = await sign_in(run, fakes)

    def pair_deadline(fakes):
        return started + timedelta(days=30)

    for _ in range(3):  # kept alive by refreshing every 10 days, it still ends at 30
        fakes.clock.advance(days=10)
        if fakes.clock.now() < pair_deadline(fakes):
            pair = await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))
    with pytest.raises(NotAuthenticated):
        await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))


async def test_logout_revokes_the_family(run, fakes) -> None:
    pair = await sign_in(run, fakes)
    await run(Logout, LogoutRequest(refresh_token=pair.refresh_token))
    with pytest.raises(NotAuthenticated):
        await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))
    await run(Logout, LogoutRequest(refresh_token=pair.refresh_token))  # idempotent


async def test_logout_all_kills_refresh_and_live_access_tokens(run, fakes) -> None:
    laptop = await sign_in(run, fakes)
    phone = await sign_in(run, fakes)
    user = await run(Authenticate, laptop.access_token)
    await run(LogoutAll, LogoutAllRequest(user_id=user.id))
    for pair in (laptop, phone):
        with pytest.raises(NotAuthenticated):
            await run(Authenticate, pair.access_token)
        with pytest.raises(NotAuthenticated):
            await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))
    fresh = await sign_in(run, fakes)
    assert (await run(Authenticate, fresh.access_token)).id == user.id


async def test_access_tokens_expire(run, fakes) -> None:
    pair = await sign_in(run, fakes)
    fakes.clock.advance(seconds=pair.expires_in + 29)  # within JWT_LEEWAY_S, still good
    await run(Authenticate, pair.access_token)
    fakes.clock.advance(seconds=1)
    with pytest.raises(NotAuthenticated):
        await run(Authenticate, pair.access_token)
