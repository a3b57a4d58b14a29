"""Concurrent requests with one Idempotency-Key: exactly one of them does the work.
In-memory, SQLite and PostgreSQL; each contender begins in a transaction of its own."""

import asyncio

import pytest
from tests.builders import NOW
from tests.contracts.idempotency_steps import (
    CREATED,
    KEY,
    REQUEST,
    Step,
    a_user_id,
    begin,
    committed,
    complete,
    outcome,
)
from tests.contracts.storage import Storage

from domain.idempotency import StoredResponse
from domain.ids import UserId
from domain.ports.idempotency import IdempotencyStore

CONTENDERS = 10


def begin_and_linger(user: UserId) -> Step[StoredResponse | None]:
    """Begins, then stays uncommitted a moment, so that the others arrive meanwhile."""

    async def step(keys: IdempotencyStore) -> StoredResponse | None:
        found = await keys.begin(user, KEY, REQUEST, NOW)
        await asyncio.sleep(0.01)
        return found

    return step


@pytest.mark.timeout(60)
async def test_of_concurrent_begins_of_one_key_exactly_one_claims_it(storage: Storage) -> None:
    user = await a_user_id(storage)

    outcomes = await asyncio.gather(
        *(outcome(storage, begin_and_linger(user)) for _ in range(CONTENDERS)))

    assert outcomes.count(None) == 1
    assert sorted({type(found).__name__ for found in outcomes}) == [
        "IdempotencyKeyInUse", "NoneType"]


@pytest.mark.timeout(60)
async def test_concurrent_begins_after_completion_all_replay(storage: Storage) -> None:
    user = await a_user_id(storage)
    await committed(storage, begin(user))
    await committed(storage, complete(user))

    outcomes = await asyncio.gather(
        *(outcome(storage, begin_and_linger(user)) for _ in range(CONTENDERS)))

    assert outcomes == [CREATED] * CONTENDERS


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("end", "then"), [("commit", "IdempotencyKeyInUse"),
                                           ("rollback", "NoneType")])
async def test_a_begin_racing_an_uncommitted_claim_waits_for_it_to_end(
        storage: Storage, end: str, then: str) -> None:
    user = await a_user_id(storage)
    first = storage.begin()
    assert await first.idempotency.begin(user, KEY, REQUEST, NOW) is None

    second = asyncio.create_task(outcome(storage, begin(user)))
    await asyncio.sleep(0.2)
    assert not second.done()
    await (first.tx.commit() if end == "commit" else first.tx.rollback())
    await storage.end(first)

    assert type(await asyncio.wait_for(second, 10)).__name__ == then
