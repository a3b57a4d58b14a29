"""IdempotencyStore contract, for the in-memory, SQLite and PostgreSQL adapters."""

from datetime import timedelta

import pytest
from tests.builders import NOW
from tests.contracts.idempotency_steps import (
    CREATED,
    OTHER_REQUEST,
    a_user_id,
    abandon,
    begin,
    committed,
    complete,
    rolled_back,
)
from tests.contracts.storage import Storage

from domain.idempotency import (
    MAX_KEY_LENGTH,
    IdempotencyKeyInUse,
    IdempotencyKeyReused,
    StoredResponse,
)

HOUR, SECOND, WEEK = timedelta(hours=1), timedelta(seconds=1), timedelta(days=7)


async def test_a_new_key_is_claimed(storage: Storage) -> None:
    assert await committed(storage, begin(await a_user_id(storage))) is None


async def test_the_same_request_after_completion_gets_the_stored_response(
        storage: Storage) -> None:
    user = await a_user_id(storage)
    await committed(storage, begin(user))
    await committed(storage, complete(user, StoredResponse(
        status=202, body=b"\x00\xffqueued", content_type="application/problem+json")))

    for _ in range(2):
        assert await committed(storage, begin(user)) == StoredResponse(
            status=202, body=b"\x00\xffqueued", content_type="application/problem+json")


async def test_the_same_request_while_the_first_runs_is_refused_as_in_use(
        storage: Storage) -> None:
    user = await a_user_id(storage)
    await committed(storage, begin(user))

    with pytest.raises(IdempotencyKeyInUse):
        await committed(storage, begin(user))


@pytest.mark.parametrize("completed", [False, True], ids=["running", "completed"])
async def test_a_different_request_with_a_used_key_is_refused_as_reused(
        storage: Storage, completed: bool) -> None:
    user = await a_user_id(storage)
    await committed(storage, begin(user))
    if completed:
        await committed(storage, complete(user))

    with pytest.raises(IdempotencyKeyReused):
        await committed(storage, begin(user, OTHER_REQUEST))


async def test_keys_of_other_users_never_match(storage: Storage) -> None:
    alice, bob = await a_user_id(storage), await a_user_id(storage)
    await committed(storage, begin(alice))
    await committed(storage, complete(alice))

    assert await committed(storage, begin(bob, OTHER_REQUEST)) is None
    with pytest.raises(IdempotencyKeyInUse):
        await committed(storage, begin(bob, OTHER_REQUEST))
    assert await committed(storage, begin(alice)) == CREATED


@pytest.mark.parametrize(("age", "lifetime", "unused"), [
    (timedelta(hours=24), None, True),
    (timedelta(hours=24) - SECOND, None, False),
    (2 * HOUR, HOUR, True),
    (2 * HOUR, 3 * HOUR, False),
], ids=["24h", "just-under-24h", "past-a-custom-lifetime", "within-a-custom-lifetime"])
async def test_a_key_older_than_its_lifetime_counts_as_unused(
        storage: Storage, age: timedelta, lifetime: timedelta | None, unused: bool) -> None:
    user = await a_user_id(storage)
    await committed(storage, begin(user, at=NOW - age))
    await committed(storage, complete(user))
    again = begin(user, OTHER_REQUEST) if lifetime is None else begin(
        user, OTHER_REQUEST, lifetime=lifetime)

    if unused:
        assert await committed(storage, again) is None
        with pytest.raises(IdempotencyKeyInUse):
            await committed(storage, begin(user, OTHER_REQUEST))
    else:
        with pytest.raises(IdempotencyKeyReused):
            await committed(storage, again)


async def test_abandon_frees_the_key(storage: Storage) -> None:
    user = await a_user_id(storage)
    await committed(storage, begin(user))

    await committed(storage, abandon(user))

    assert await committed(storage, begin(user, OTHER_REQUEST)) is None


async def test_each_call_runs_in_the_callers_transaction(storage: Storage) -> None:
    user = await a_user_id(storage)
    assert await rolled_back(storage, begin(user, OTHER_REQUEST)) is None
    await committed(storage, begin(user))

    await rolled_back(storage, complete(user))
    await rolled_back(storage, abandon(user))

    with pytest.raises(IdempotencyKeyInUse):
        await committed(storage, begin(user))


async def test_purge_expired_deletes_keys_older_than_the_lifetime(storage: Storage) -> None:
    alice, bob = await a_user_id(storage), await a_user_id(storage)
    await committed(storage, begin(alice, at=NOW - 25 * HOUR))
    await committed(storage, begin(bob, at=NOW - 24 * HOUR))
    await committed(storage, complete(bob))
    await committed(storage, begin(alice, key="fresh", at=NOW - 23 * HOUR))

    assert await committed(storage, lambda keys: keys.purge_expired(NOW)) == 2

    assert await committed(storage, begin(alice, OTHER_REQUEST, lifetime=WEEK)) is None
    assert await committed(storage, begin(bob, OTHER_REQUEST, lifetime=WEEK)) is None
    with pytest.raises(IdempotencyKeyInUse):
        await committed(storage, begin(alice, key="fresh"))
    assert await committed(storage, lambda keys: keys.purge_expired(NOW, 30 * HOUR)) == 0


async def test_a_key_of_the_longest_allowed_length_is_kept_whole(storage: Storage) -> None:
    user, long_key = await a_user_id(storage), "k" * MAX_KEY_LENGTH

    assert await committed(storage, begin(user, key=long_key)) is None
    assert await committed(storage, begin(user, key=long_key[:-1] + "j")) is None
    with pytest.raises(IdempotencyKeyInUse):
        await committed(storage, begin(user, key=long_key))
