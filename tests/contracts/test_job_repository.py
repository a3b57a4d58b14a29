"""JobRepository contract (jobs and counts), for the in-memory, SQLite and PostgreSQL
adapters; events, claims and leases have suites of their own."""

from dataclasses import replace

import pytest
from tests.builders import NOW, a_document, a_job, a_user, minutes
from tests.contracts.job_steps import LEASE
from tests.contracts.storage import Storage, Unit, given

from domain.errors import NotFound
from domain.jobs import JobState


async def test_a_job_reads_back_whole(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    worked_on = a_job(owner=owner, document=document).claim("worker-1", NOW, LEASE).advance(
        progress=0.375, step="Розділ 2: writing", tokens=1234, now=NOW + minutes(1))
    job = replace(worked_on.cancel(NOW + minutes(2)), error="model timed out", last_seq=7)
    await given(storage, owner, document, job)

    assert await unit.jobs.get(owner.id, job.id) == job
    assert await unit.jobs.get_for_worker(job.id) == job


async def test_what_a_job_was_asked_to_do_reads_back_and_stays(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    asked = a_job(owner=owner, document=document, sections=(2, 5), partial=True,
                  instructions="Kürzer, bitte: «менше води».\nAnd cite more.",
                  ).claim("worker-1", NOW, LEASE)
    plain = a_job(owner=owner, document=document)
    await given(storage, owner, document, asked, plain)

    assert await unit.jobs.get(owner.id, asked.id) == asked
    stored = await unit.jobs.get_for_worker(plain.id)
    assert stored is not None
    assert (stored.sections, stored.instructions, stored.partial) == (None, None, False)
    worked_on = asked.advance(progress=0.5, step="section 2 written", tokens=10,
                              now=NOW + minutes(1))
    await unit.jobs.save(worked_on, lease_owner="worker-1")
    await unit.tx.commit()

    again = await storage.begin().jobs.get(owner.id, asked.id)
    assert (again.sections, again.instructions, again.partial) == (
        (2, 5), "Kürzer, bitte: «менше води».\nAnd cite more.", True)
    assert again == worked_on


async def test_a_missing_or_foreign_job_is_not_found(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document = a_document(owner=alice)
    job = a_job(owner=alice, document=document)
    await given(storage, alice, bob, document, job)

    with pytest.raises(NotFound):
        await unit.jobs.get(bob.id, job.id)
    missing = a_job(owner=alice, document=document)
    with pytest.raises(NotFound):
        await unit.jobs.get(alice.id, missing.id)
    assert await unit.jobs.get_for_worker(missing.id) is None


async def test_a_job_of_a_missing_document_is_not_added(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    await given(storage, owner)

    with pytest.raises(NotFound):
        await unit.jobs.add(a_job(owner=owner, document=a_document(owner=owner)))


async def test_save_stores_the_changed_job(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    job = a_job(owner=owner, document=document)
    await given(storage, owner, document, job)
    cancelled = job.cancel(NOW + minutes(1))

    await unit.jobs.save(cancelled)
    await unit.tx.commit()

    assert await storage.begin().jobs.get(owner.id, job.id) == cancelled


async def test_save_of_a_missing_job_is_not_found(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)

    with pytest.raises(NotFound):
        await unit.jobs.save(a_job(owner=owner, document=document))


async def test_save_never_clears_a_stored_cancel_request(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    running = a_job(owner=owner, document=document).claim("worker-1", NOW, LEASE)
    await given(storage, owner, document, running)
    api = storage.begin()
    await api.jobs.save(running.cancel(NOW + minutes(1)))
    await api.tx.commit()
    advanced = running.advance(progress=0.5, step="Розділ 3", tokens=10, now=NOW + minutes(2))

    await unit.jobs.save(advanced, lease_owner="worker-1")
    await unit.tx.commit()

    stored = await storage.begin().jobs.get(owner.id, running.id)
    assert stored == replace(advanced, cancel_requested=True)


async def test_active_for_document_is_its_queued_or_running_job(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    queued_for, running_for, finished_for = (a_document(owner=owner) for _ in range(3))
    queued = a_job(owner=owner, document=queued_for)
    running = a_job(owner=owner, document=running_for).claim("worker-1", NOW, LEASE)
    succeeded, failed, cancelled = (a_job(owner=owner, document=finished_for) for _ in range(3))
    finished = [succeeded.claim("w", NOW, LEASE).succeed(NOW),
                failed.claim("w", NOW, LEASE).fail("broken", NOW), cancelled.cancel(NOW)]
    await given(storage, owner, queued_for, running_for, finished_for, queued, running,
                *finished)

    assert await unit.jobs.active_for_document(queued_for.id) == queued
    assert await unit.jobs.active_for_document(running_for.id) == running
    assert await unit.jobs.active_for_document(finished_for.id) is None
    assert await unit.jobs.active_for_document(a_document(owner=owner).id) is None


async def test_count_by_state_counts_every_job(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document, bobs = a_document(owner=alice), a_document(owner=bob)
    jobs = [a_job(owner=alice, document=document), a_job(owner=bob, document=bobs),
            a_job(owner=bob, document=bobs).claim("w", NOW, LEASE),
            a_job(owner=alice, document=document).cancel(NOW)]
    await given(storage, alice, bob, document, bobs, *jobs)

    assert await unit.jobs.count_by_state() == {
        JobState.QUEUED: 2, JobState.RUNNING: 1, JobState.SUCCEEDED: 0, JobState.FAILED: 0,
        JobState.CANCELLED: 1}


async def test_all_of_lists_every_job_of_the_owner_oldest_first(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    first, second = a_document(owner=alice), a_document(owner=alice)
    bobs_document = a_document(owner=bob)
    done = a_job(owner=alice, document=first, created_at=NOW - minutes(9)).cancel(NOW)
    queued = a_job(owner=alice, document=second, created_at=NOW - minutes(1))
    again = a_job(owner=alice, document=first, created_at=NOW - minutes(5))
    await given(storage, alice, bob, first, second, bobs_document, queued,
                a_job(owner=bob, document=bobs_document), done, again)

    assert await unit.jobs.all_of(alice.id) == [done, again, queued]
    assert await unit.jobs.all_of(a_user().id) == []
