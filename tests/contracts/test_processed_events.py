"""ProcessedEvents contract (webhook dedupe), for the in-memory, SQLite and PostgreSQL
adapters; concurrent contenders each record in a unit of work of their own."""

import asyncio

import pytest
from tests.builders import NOW
from tests.contracts.storage import Storage, Unit

EVENT, TYPE = "evt_1NzQ3x", "checkout.session.completed"
CONTENDERS = 5


async def record_and_commit(storage: Storage, event_id: str = EVENT) -> bool:
    """Records in a unit of its own, stays uncommitted a moment (so that the others arrive
    meanwhile), then commits."""
    unit = storage.begin()
    try:
        recorded = await unit.events.record(event_id, TYPE, NOW)
        await asyncio.sleep(0.01)
        await unit.tx.commit()
        return recorded
    finally:
        await storage.end(unit)


async def test_an_event_is_recorded_once(storage: Storage, unit: Unit) -> None:
    assert await unit.events.record(EVENT, TYPE, NOW) is True
    assert await unit.events.record(EVENT, TYPE, NOW) is False
    assert await unit.events.record("evt_other", TYPE, NOW) is True
    await unit.tx.commit()

    assert await record_and_commit(storage) is False
    assert await record_and_commit(storage, "evt_other") is False


async def test_a_rolled_back_record_leaves_the_id_free(storage: Storage, unit: Unit) -> None:
    assert await unit.events.record(EVENT, TYPE, NOW) is True
    await unit.tx.rollback()

    assert await record_and_commit(storage) is True


@pytest.mark.timeout(60)
async def test_of_concurrent_records_of_one_id_exactly_one_wins(storage: Storage) -> None:
    outcomes = await asyncio.gather(*(record_and_commit(storage) for _ in range(CONTENDERS)))

    assert sorted(outcomes) == [False] * (CONTENDERS - 1) + [True]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("end", "then"), [("commit", False), ("rollback", True)])
async def test_a_record_racing_an_uncommitted_one_waits_for_it_to_end(
        storage: Storage, end: str, then: bool) -> None:
    first = storage.begin()
    assert await first.events.record(EVENT, TYPE, NOW) is True
    recording = asyncio.Event()

    async def second() -> bool:
        recording.set()
        return await record_and_commit(storage)

    waiting = asyncio.create_task(second())
    await recording.wait()
    await asyncio.sleep(0.2)
    assert not waiting.done()
    await (first.tx.commit() if end == "commit" else first.tx.rollback())
    await storage.end(first)

    assert await asyncio.wait_for(waiting, 10) is then
