"""Admin use cases over the in-memory adapters: who may use them, blocking and unblocking."""

from uuid import UUID

import pytest
from tests.application.admin_steps import audited, boss, someone
from tests.application.sign_in_steps import last_token

from adapters.memory.database import AUDIT_LOG, SESSION_FAMILIES, USERS
from application.admin.adjust_credits import AdjustCredits, CreditAdjustment
from application.admin.block_user import BlockUser
from application.admin.create_admin import CreateAdmin
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.admin.unblock_user import UnblockUser
from application.auth.authenticate import Authenticate
from application.auth.refresh_session import RefreshRequest, RefreshSession
from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.auth.verify_magic_link import VerifyMagicLink, VerifyMagicLinkRequest
from application.mail.deliver_outbox import DeliverOutbox
from domain.errors import (
    AccountBlocked,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from domain.ids import UserId
from domain.pages import PageRequest

GHOST = UserId(UUID("00000000-0000-4000-8000-00000000beef"))


ADMIN_CALLS = {
    "stats": lambda target: (GetServiceStats,),
    "users": lambda target: (ListUsers, PageRequest()),
    "block": lambda target: (BlockUser, target.id),
    "unblock": lambda target: (UnblockUser, target.id),
    "audit log": lambda target: (ListAuditLog, PageRequest()),
    "credits": lambda target: (AdjustCredits, CreditAdjustment(user_id=target.id, amount=5,
                                                                reason="me")),
}


@pytest.mark.parametrize("call", ADMIN_CALLS.values(), ids=ADMIN_CALLS.keys())
async def test_only_admins_may(run, fakes, call) -> None:
    ada, _ = await someone(run, fakes)
    bob, _ = await someone(run, fakes, "bob@example.com")
    use_case, *args = call(bob)
    before = dict(fakes.db.tables[AUDIT_LOG])
    with pytest.raises(PermissionDenied, match="Only admins"):
        await run(use_case, ada, *args)
    assert fakes.db.tables[AUDIT_LOG] == before
    assert fakes.db.tables[USERS][bob.id] == bob


async def test_blocking_ends_every_access_and_refresh_token(run, fakes) -> None:
    ada, laptop = await someone(run, fakes)
    _, phone = await someone(run, fakes)
    admin = await boss(run, fakes)

    blocked = await run(BlockUser, admin, ada.id, ip="203.0.113.9")

    assert blocked.blocked and blocked.token_version == ada.token_version + 1
    for pair in (laptop, phone):
        with pytest.raises(NotAuthenticated):
            await run(Authenticate, pair.access_token)
        with pytest.raises(NotAuthenticated):
            await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))
    families = [f for f in fakes.db.tables[SESSION_FAMILIES].values() if f.user_id == ada.id]
    assert len(families) == 2 and all(f.revoked_at is not None for f in families)
    [entry] = audited(fakes, "admin.user_blocked")
    assert (entry.actor_id, entry.target, entry.ip) == (admin.id, f"user:{ada.id}",
                                                        "203.0.113.9")
    assert entry.details == {"sessions_revoked": 2}


async def test_a_blocked_user_gets_no_link_until_unblocked(run, fakes) -> None:
    ada, _ = await someone(run, fakes)
    admin = await boss(run, fakes)
    await run(BlockUser, admin, ada.id)
    sent = len(fakes.mailer.sent)

    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    assert len(fakes.mailer.sent) == sent

    unblocked = await run(UnblockUser, admin, ada.id, ip="203.0.113.9")
    assert not unblocked.blocked
    again, pair = await someone(run, fakes)
    assert again.id == ada.id and not again.blocked
    assert (await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))
            ).access_token
    [entry] = audited(fakes, "admin.user_unblocked")
    assert (entry.actor_id, entry.target, entry.ip) == (admin.id, f"user:{ada.id}",
                                                        "203.0.113.9")


async def test_a_link_sent_before_the_block_is_refused(run, fakes) -> None:
    admin = await boss(run, fakes)
    ada, _ = await someone(run, fakes)
    await run(RequestMagicLink, MagicLinkRequest(email="ada@example.com"))
    await run(DeliverOutbox)
    token = last_token(fakes)

    await run(BlockUser, admin, ada.id)

    with pytest.raises(AccountBlocked):
        await run(VerifyMagicLink, VerifyMagicLinkRequest(token=token))


async def test_blocking_and_unblocking_twice_change_nothing_the_second_time(run, fakes) -> None:
    ada, _ = await someone(run, fakes)
    admin = await boss(run, fakes)
    first = await run(BlockUser, admin, ada.id)
    assert await run(BlockUser, admin, ada.id) == first
    unblocked = await run(UnblockUser, admin, ada.id)
    assert await run(UnblockUser, admin, ada.id) == unblocked
    assert unblocked.token_version == ada.token_version + 1
    assert len(audited(fakes, "admin.user_blocked")) == 1
    assert len(audited(fakes, "admin.user_unblocked")) == 1


async def test_an_admin_cannot_block_themselves(run, fakes) -> None:
    admin = await boss(run, fakes)
    with pytest.raises(InvalidInput, match="cannot block their own account"):
        await run(BlockUser, admin, admin.id)
    assert fakes.db.tables[USERS][admin.id] == admin
    assert not audited(fakes, "admin.user_blocked")


async def test_an_admin_may_block_another_admin(run, fakes) -> None:
    deputy = await run(CreateAdmin, "deputy@example.com")
    assert (await run(BlockUser, await boss(run, fakes), deputy.id)).blocked


@pytest.mark.parametrize("use_case", [BlockUser, UnblockUser])
async def test_an_unknown_user_is_not_found(run, fakes, use_case) -> None:
    with pytest.raises(NotFound):
        await run(use_case, await boss(run, fakes), GHOST)
