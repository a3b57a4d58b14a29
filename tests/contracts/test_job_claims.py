"""JobRepository claims, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio

import pytest
from tests.builders import NOW, a_job, minutes
from tests.contracts.job_steps import LEASE, a_stored_document
from tests.contracts.storage import Storage, Unit, given

from domain.jobs import GenerationJob, JobState


async def test_claim_takes_due_and_abandoned_jobs_oldest_first_up_to_limit(
        storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    due = [a_job(owner=owner, document=document, created_at=NOW - minutes(n)) for n in (2, 7, 4)]
    abandoned = a_job(owner=owner, document=document, created_at=NOW - minutes(9)).claim(
        "dead-worker", NOW - minutes(6), LEASE)
    leased = a_job(owner=owner, document=document, created_at=NOW - minutes(9)).claim(
        "live-worker", NOW - minutes(1), LEASE)
    later = a_job(owner=owner, document=document, run_after=NOW + minutes(1))
    done = a_job(owner=owner, document=document, created_at=NOW - minutes(9)).cancel(NOW)
    await given(storage, *due, abandoned, leased, later, done)
    oldest_first = [abandoned, due[1], due[2], due[0]]

    claimed = await unit.jobs.claim("worker-2", NOW, LEASE, limit=3)
    await unit.tx.commit()

    assert claimed == [job.claim("worker-2", NOW, LEASE) for job in oldest_first[:3]]
    later_unit = storage.begin()
    assert [await later_unit.jobs.get_for_worker(job.id) for job in oldest_first[:3]] == claimed
    assert await later_unit.jobs.get_for_worker(due[0].id) == due[0]


async def test_claim_leases_the_job_and_counts_an_attempt(storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))

    [claimed] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=5)

    assert (claimed.lease_owner, claimed.lease_expires_at) == ("worker-1", NOW + LEASE)
    assert (claimed.state, claimed.attempts) == (JobState.RUNNING, 1)


# SQLite has one writer at a time: there a second claimer waits for the first to commit.
@pytest.mark.parametrize("storage_engine", ["memory", pytest.param("postgres",
                                                                   marks=pytest.mark.postgres)],
                         indirect=True)
async def test_an_uncommitted_claim_is_skipped_by_other_claimers(storage: Storage) -> None:
    owner, document = await a_stored_document(storage)
    jobs = [a_job(owner=owner, document=document, created_at=NOW - minutes(n)) for n in range(3)]
    await given(storage, *jobs)
    first, second = storage.begin(), storage.begin()

    taken = await first.jobs.claim("worker-1", NOW, LEASE, limit=2)
    rest = await second.jobs.claim("worker-2", NOW, LEASE, limit=2)

    assert [job.id for job in taken] == [jobs[2].id, jobs[1].id]
    assert [job.id for job in rest] == [jobs[0].id]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("claimers", [2, 5])
async def test_concurrent_claimers_get_disjoint_jobs_covering_all(
        storage: Storage, claimers: int) -> None:
    owner, document = await a_stored_document(storage)
    jobs = [a_job(owner=owner, document=document, created_at=NOW - minutes(n))
            for n in range(20)]
    await given(storage, *jobs)

    async def claim(worker: str) -> list[GenerationJob]:
        unit = storage.begin()
        try:
            claimed = await unit.jobs.claim(worker, NOW, LEASE, limit=len(jobs) // claimers)
            await unit.tx.commit()
        finally:
            await storage.end(unit)
        return claimed

    taken = await asyncio.gather(*(claim(f"worker-{n}") for n in range(claimers)))

    ids = [job.id for claimed in taken for job in claimed]
    assert len(ids) == len(set(ids)) == len(jobs)
    assert set(ids) == {job.id for job in jobs}
