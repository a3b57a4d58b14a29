"""JobRepository events, and what a deleted document takes with it, for the in-memory,
SQLite and PostgreSQL adapters."""

from dataclasses import replace

import pytest
from tests.builders import NOW, a_document, a_job, a_user, an_event, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.errors import Conflict, NotFound
from domain.jobs import JobState


async def test_events_after_lists_later_events_in_order_up_to_limit(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    job, other = a_job(owner=owner, document=document), a_job(owner=owner, document=document)
    events = [an_event(job=job, seq=seq, at=NOW + minutes(seq)) for seq in (3, 1, 5, 2, 4)]
    await given(storage, owner, document, job, other, *events, an_event(job=other, seq=4))
    in_order = sorted(events, key=lambda event: event.seq)

    assert list(await unit.jobs.events_after(job.id, 0)) == in_order
    assert list(await unit.jobs.events_after(job.id, 2)) == in_order[2:]
    assert list(await unit.jobs.events_after(job.id, 1, limit=2)) == in_order[1:3]
    assert list(await unit.jobs.events_after(job.id, 5)) == []
    assert list(await unit.jobs.events_after(a_job(owner=owner, document=document).id, 0)) == []


async def test_an_event_number_is_stored_once(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    job = a_job(owner=owner, document=document)
    first = an_event(job=job, seq=1)
    await given(storage, owner, document, job, first)

    with pytest.raises(Conflict):
        await unit.jobs.append_event(replace(first, step="again"))
    await unit.tx.rollback()
    assert list(await storage.begin().jobs.events_after(job.id, 0)) == [first]


async def test_an_event_of_a_missing_job_is_not_stored(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)

    with pytest.raises(NotFound):
        await unit.jobs.append_event(an_event(job=a_job(owner=owner, document=document)))


async def test_deleting_a_document_deletes_its_jobs_and_events(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document, kept = a_document(owner=owner), a_document(owner=owner)
    job, other = a_job(owner=owner, document=document), a_job(owner=owner, document=kept)
    await given(storage, owner, document, kept, job, other, an_event(job=job),
                an_event(job=other))

    await unit.documents.delete(owner.id, document.id)
    await unit.tx.commit()

    later = storage.begin()
    assert await later.jobs.get_for_worker(job.id) is None
    assert list(await later.jobs.events_after(job.id, 0)) == []
    assert await later.jobs.get_for_worker(other.id) == other
    assert len(await later.jobs.events_after(other.id, 0)) == 1
    assert (await later.jobs.count_by_state())[JobState.QUEUED] == 1
