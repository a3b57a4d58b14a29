"""JobRepository leases: a job is taken over once its lease passes, and a save under a
lost lease writes nothing. For the in-memory, SQLite and PostgreSQL adapters."""

import asyncio

import pytest
from tests.builders import NOW, a_document, a_job, a_user, minutes
from tests.contracts.job_steps import LEASE, a_job_taken_over, a_stored_document
from tests.contracts.storage import Storage, Unit, given

from domain.ports.jobs import LeaseLost


async def test_a_claimed_job_is_taken_over_only_after_its_lease_passes(
        storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    job = a_job(owner=owner, document=document)
    await given(storage, job)
    [first] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=5)
    await unit.tx.commit()

    other = storage.begin()
    assert await other.jobs.claim("worker-2", NOW + LEASE - minutes(1), LEASE, limit=5) == []
    [taken_over] = await other.jobs.claim("worker-2", NOW + LEASE, LEASE, limit=5)
    await other.tx.commit()

    assert taken_over == first.claim("worker-2", NOW + LEASE, LEASE)
    assert (taken_over.lease_owner, taken_over.attempts) == ("worker-2", 2)


async def test_a_save_under_a_lost_lease_writes_nothing(storage: Storage, unit: Unit) -> None:
    owner, mine, theirs = await a_job_taken_over(storage, unit)

    late = storage.begin()
    with pytest.raises(LeaseLost):
        await late.jobs.save(mine.succeed(NOW + LEASE + minutes(1)), lease_owner="worker-1")
    await late.tx.rollback()

    assert await storage.begin().jobs.get(owner.id, mine.id) == theirs


@pytest.mark.timeout(30)
async def test_a_save_during_a_takeover_waits_for_it_and_then_loses(
        storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))
    [mine] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=1)
    await unit.tx.commit()
    taker, late = storage.begin(), storage.begin()
    [theirs] = await taker.jobs.claim("worker-2", NOW + LEASE, LEASE, limit=1)

    saving = asyncio.create_task(
        late.jobs.save(mine.succeed(NOW + LEASE), lease_owner="worker-1"))
    await asyncio.sleep(0.1)
    assert not saving.done()
    await taker.tx.commit()

    with pytest.raises(LeaseLost):
        await saving
    await late.tx.rollback()
    assert await storage.begin().jobs.get(owner.id, mine.id) == theirs


async def test_a_save_under_a_held_lease_is_stored(storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))
    [mine] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=1)
    await unit.tx.commit()
    # The lease ran out, but nobody took the job over: it is still this worker's.
    done = mine.succeed(NOW + LEASE + minutes(1))

    worker = storage.begin()
    await worker.jobs.save(done, lease_owner="worker-1")
    await worker.tx.commit()

    assert await storage.begin().jobs.get(owner.id, mine.id) == done


async def test_the_held_reservation_reads_back(storage: Storage, unit: Unit) -> None:
    from uuid import uuid4

    from domain.ids import ReservationId

    owner = a_user()
    document = a_document(owner=owner)
    job = a_job(owner=owner, document=document)
    await given(storage, owner, document, job)
    first, second = ReservationId(uuid4()), ReservationId(uuid4())
    await unit.jobs.save(job.holding(first, job.updated_at).holding(second, job.updated_at))
    assert (await unit.jobs.get_for_worker(job.id)).held_reservations == (first, second)
    await unit.jobs.save(job.released(job.updated_at))
    assert (await unit.jobs.get_for_worker(job.id)).held_reservations == ()


async def test_a_heartbeat_moves_only_the_lease_and_reports_a_cancel(
        storage: Storage, unit: Unit) -> None:
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))
    [mine] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=1)
    progressed, _ = mine.advance(progress=0.5, step="section 1 written", tokens=10,
                                 now=NOW).event(NOW)
    await unit.jobs.save(progressed, lease_owner="worker-1")
    await unit.tx.commit()

    assert await unit.jobs.extend_lease(mine.id, "worker-1", NOW + LEASE * 3) is False
    await unit.jobs.request_cancel(mine.id)
    assert await unit.jobs.extend_lease(mine.id, "worker-1", NOW + LEASE * 3) is True
    await unit.tx.commit()
    stored = await unit.jobs.get_for_worker(mine.id)
    assert stored.lease_expires_at == NOW + LEASE * 3
    assert (stored.last_seq, stored.step, stored.cancel_requested) == (
        progressed.last_seq, "section 1 written", True)
    with pytest.raises(LeaseLost):
        await unit.jobs.extend_lease(mine.id, "worker-2", NOW + LEASE * 3)


async def test_the_holders_save_keeps_the_extended_lease(storage: Storage, unit: Unit) -> None:
    """The runner's copy still carries the expiry of its claim; saving it must not shorten
    the lease that heartbeats extended, or another worker could take a live job over."""
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))
    [mine] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=1)
    await unit.jobs.extend_lease(mine.id, "worker-1", NOW + LEASE * 5)
    await unit.jobs.save(mine.advance(progress=0.2, step="outline written", tokens=5, now=NOW),
                         lease_owner="worker-1")
    await unit.tx.commit()

    assert (await unit.jobs.get_for_worker(mine.id)).lease_expires_at == NOW + LEASE * 5
    other = storage.begin()
    assert await other.jobs.claim("worker-2", NOW + LEASE * 2, LEASE, limit=1) == []
    await other.tx.rollback()
    await storage.end(other)


async def test_steps_that_lock_the_job_take_turns_and_lose_no_change(storage: Storage) -> None:
    """Two steps of one job, each adding its tokens under the lock: neither overwrites the
    other (a plain read would let both start from the same total)."""
    owner, document = await a_stored_document(storage)
    job = a_job(owner=owner, document=document)
    await given(storage, job)

    async def add_tokens(tokens: int) -> None:
        step = storage.begin()
        locked = await step.jobs.lock_for_worker(job.id)
        assert locked is not None
        await asyncio.sleep(0.05)  # the other step tries its lock meanwhile
        await step.jobs.save(locked.advance(progress=0.5, step="x", tokens=tokens,
                                            now=locked.updated_at))
        await step.tx.commit()

    await asyncio.gather(add_tokens(10), add_tokens(32))

    stored = await storage.begin().jobs.get_for_worker(job.id)
    assert stored is not None
    assert stored.tokens_used == job.tokens_used + 42


async def test_locking_a_missing_job_is_none(storage: Storage, unit: Unit) -> None:
    from uuid import uuid4

    from domain.ids import JobId

    assert await unit.jobs.lock_for_worker(JobId(uuid4())) is None
