"""JobRepository.save_with_event: the job and its event stored as one write, or neither.
For the in-memory, SQLite and PostgreSQL adapters (on PostgreSQL it is one statement)."""

from dataclasses import replace

import pytest
from tests.builders import NOW, a_job, minutes
from tests.contracts.job_steps import LEASE, a_job_taken_over, a_stored_document
from tests.contracts.storage import Storage, Unit, given

from domain.errors import Conflict, NotFound
from domain.ports.jobs import LeaseLost


async def test_the_job_and_its_event_are_stored_together(storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))
    [mine] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=1)
    await unit.jobs.extend_lease(mine.id, "worker-1", NOW + LEASE * 4)
    await unit.jobs.request_cancel(mine.id)
    await unit.tx.commit()
    job, event = mine.advance(progress=0.5, step="section 2 written", tokens=40,
                              now=NOW + minutes(1)).event(NOW + minutes(1))

    await unit.jobs.save_with_event(job, event, lease_owner="worker-1")
    await unit.tx.commit()

    reader = storage.begin()
    stored = await reader.jobs.get(owner.id, mine.id)
    # the holder's save keeps the heartbeat's expiry and never clears a cancel request
    assert stored == replace(job, lease_expires_at=NOW + LEASE * 4, cancel_requested=True)
    assert list(await reader.jobs.events_after(mine.id, mine.last_seq)) == [event]


async def test_without_a_lease_owner_it_saves_whatever_holds_the_job(
        storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    job = a_job(owner=owner, document=document)
    await given(storage, job)
    failed, event = job.fail("stopped by an admin", NOW + minutes(2)).event(NOW + minutes(2))

    await unit.jobs.save_with_event(failed, event)
    await unit.tx.commit()

    reader = storage.begin()
    assert await reader.jobs.get(owner.id, job.id) == failed
    assert list(await reader.jobs.events_after(job.id, 0)) == [event]


async def test_under_a_lost_lease_neither_is_stored(storage: Storage, unit: Unit) -> None:
    owner, mine, theirs = await a_job_taken_over(storage, unit)
    late, event = mine.succeed(NOW + LEASE + minutes(1)).event(NOW + LEASE + minutes(1))

    with pytest.raises(LeaseLost):
        await unit.jobs.save_with_event(late, event, lease_owner="worker-1")
    await unit.tx.rollback()

    reader = storage.begin()
    assert await reader.jobs.get(owner.id, mine.id) == theirs
    assert list(await reader.jobs.events_after(mine.id, 0)) == []


async def test_a_missing_job_is_not_found(storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    job, event = a_job(owner=owner, document=document).event(NOW)

    with pytest.raises(NotFound):
        await unit.jobs.save_with_event(job, event)


async def test_an_event_number_taken_fails_the_save_too(storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    job = a_job(owner=owner, document=document)
    await given(storage, job)
    progressed, event = job.advance(progress=0.3, step="outline written", tokens=5,
                                    now=NOW).event(NOW)
    await unit.jobs.save_with_event(progressed, event)
    await unit.tx.commit()

    again = replace(progressed, step="outline written again", progress=0.4)
    with pytest.raises(Conflict):
        await unit.jobs.save_with_event(again, replace(event, step="again"))
    await unit.tx.rollback()

    reader = storage.begin()
    assert await reader.jobs.get(owner.id, job.id) == progressed
    assert list(await reader.jobs.events_after(job.id, 0)) == [event]
