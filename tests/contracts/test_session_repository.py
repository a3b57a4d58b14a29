"""SessionRepository contract, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio

import pytest
from tests.builders import NOW, a_session_family, a_token_digest, a_user, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.errors import NotAuthenticated
from domain.sessions import Rotation, SessionFamily


def rotated(family: SessionFamily, at_minute: int = 1) -> SessionFamily:
    new, outcome = family.rotate(presented_digest=family.current_digest,
                                 successor_digest=a_token_digest(), now=NOW + minutes(at_minute))
    assert outcome is Rotation.ROTATED
    return new


async def test_a_new_family_is_found_by_its_first_token(storage: Storage, unit: Unit) -> None:
    user = a_user()
    family = a_session_family(user=user)
    await given(storage, user, family)

    assert await unit.sessions.find_by_token(family.current_digest) == family
    assert await unit.sessions.find_by_token(a_token_digest()) is None


async def test_a_rotated_family_is_found_by_current_and_rotated_out_tokens(
        storage: Storage, unit: Unit) -> None:
    user = a_user()
    family = a_session_family(user=user)
    await given(storage, user, family)
    once = rotated(family)
    twice = rotated(once, 2)

    await unit.sessions.save(once, previous_digest=family.current_digest)
    await unit.sessions.save(twice, previous_digest=once.current_digest)
    await unit.tx.commit()

    later = storage.begin()
    for token_digest in (family.current_digest, once.current_digest, twice.current_digest):
        assert await later.sessions.find_by_token(token_digest) == twice


async def test_save_with_a_stale_previous_digest_writes_nothing(
        storage: Storage, unit: Unit) -> None:
    user = a_user()
    family = a_session_family(user=user)
    await given(storage, user, family)
    first = rotated(family)
    await unit.sessions.save(first, previous_digest=family.current_digest)
    await unit.tx.commit()
    late = rotated(family, 2)

    other = storage.begin()
    with pytest.raises(NotAuthenticated):
        await other.sessions.save(late, previous_digest=family.current_digest)
    await other.tx.rollback()

    later = storage.begin()
    assert await later.sessions.find_by_token(late.current_digest) is None
    assert await later.sessions.find_by_token(family.current_digest) == first


async def test_two_concurrent_rotations_cannot_both_win(storage: Storage) -> None:
    user = a_user()
    family = a_session_family(user=user)
    await given(storage, user, family)

    units = [storage.begin(), storage.begin()]
    read = [await unit.sessions.find_by_token(family.current_digest) for unit in units]
    assert read == [family, family]

    async def rotate(unit: Unit, at_minute: int) -> SessionFamily:
        new = rotated(family, at_minute)
        await unit.sessions.save(new, previous_digest=family.current_digest)
        await unit.tx.commit()
        return new

    outcomes = await asyncio.gather(rotate(units[0], 1), rotate(units[1], 2),
                                    return_exceptions=True)

    winners = [outcome for outcome in outcomes if isinstance(outcome, SessionFamily)]
    assert len(winners) == 1
    assert [type(o) for o in outcomes if o not in winners] == [NotAuthenticated]
    assert await storage.begin().sessions.find_by_token(family.current_digest) == winners[0]


async def test_a_revoked_family_is_stored_revoked(storage: Storage, unit: Unit) -> None:
    user = a_user()
    family = a_session_family(user=user)
    await given(storage, user, family)
    revoked = family.revoke(NOW + minutes(5))

    await unit.sessions.save(revoked, previous_digest=family.current_digest)
    await unit.tx.commit()

    assert await storage.begin().sessions.find_by_token(family.current_digest) == revoked


async def test_revoke_all_revokes_the_users_active_families_only(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    active = [a_session_family(user=alice) for _ in range(2)]
    ended = a_session_family(user=alice, now=NOW - minutes(60 * 24 * 31))
    revoked = a_session_family(user=alice).revoke(NOW - minutes(1))
    bobs = a_session_family(user=bob)
    await given(storage, alice, bob, *active, ended, revoked, bobs)

    assert await unit.sessions.revoke_all(alice.id, NOW) == 2
    await unit.tx.commit()

    later = storage.begin()
    for family in active:
        found = await later.sessions.find_by_token(family.current_digest)
        assert found is not None and found.revoked_at == NOW
    assert await later.sessions.find_by_token(revoked.current_digest) == revoked
    assert await later.sessions.find_by_token(ended.current_digest) == ended
    assert await later.sessions.find_by_token(bobs.current_digest) == bobs


async def test_delete_ended_removes_revoked_and_expired_families(
        storage: Storage, unit: Unit) -> None:
    user = a_user()
    expired = a_session_family(user=user, now=NOW - minutes(60 * 24 * 31))
    revoked = rotated(a_session_family(user=user, now=NOW - minutes(10)), -9)
    revoked = revoked.revoke(NOW - minutes(5))
    active = a_session_family(user=user)
    revoked_later = a_session_family(user=user).revoke(NOW + minutes(1))
    await given(storage, user, expired, revoked, active, revoked_later)

    assert await unit.sessions.delete_ended(NOW) == 2
    await unit.tx.commit()

    later = storage.begin()
    assert await later.sessions.find_by_token(expired.current_digest) is None
    assert await later.sessions.find_by_token(revoked.current_digest) is None
    assert await later.sessions.find_by_token(active.current_digest) == active
    assert await later.sessions.find_by_token(revoked_later.current_digest) == revoked_later


async def test_all_of_lists_every_family_of_the_user_oldest_first(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    expired = a_session_family(user=alice, now=NOW - minutes(60 * 24 * 31))
    revoked = a_session_family(user=alice, now=NOW - minutes(5)).revoke(NOW - minutes(1))
    active = rotated(a_session_family(user=alice, now=NOW - minutes(2)), 1)
    await given(storage, alice, bob, active, a_session_family(user=bob), revoked, expired)

    assert await unit.sessions.all_of(alice.id) == [expired, revoked, active]
    assert await unit.sessions.all_of(a_user().id) == []
