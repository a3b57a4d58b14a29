"""AdminQueries contract, for the in-memory, SQLite and PostgreSQL adapters."""

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.builders import NOW, a_document, a_job, a_user, minutes
from tests.contracts.storage import SqlStorage, Storage, Unit, given

from domain.jobs import JobState
from domain.pages import PageRequest
from domain.quota import LedgerReason, QuotaLimits, Usage
from domain.users import Role, User

LIMITS = QuotaLimits(daily_tokens=10_000, global_daily_tokens=100_000)
NO_JOBS = dict.fromkeys(JobState, 0)


async def grant(storage: Storage, *grants: tuple[User, int]) -> None:
    unit = storage.begin()
    for user, amount in grants:
        await unit.quota.grant(user.id, amount, LedgerReason.GRANT, NOW)
    await unit.tx.commit()
    await storage.end(unit)


async def test_empty_storage_counts_zero_with_every_job_state(unit: Unit) -> None:
    counts = await unit.admin.counts()

    assert (counts.users, counts.documents, dict(counts.jobs)) == (0, 0, NO_JOBS)


async def test_counts_users_documents_and_jobs_by_state(storage: Storage, unit: Unit) -> None:
    alice, bob, carol = a_user(), a_user(), a_user()
    papers = [a_document(owner=alice), a_document(owner=alice), a_document(owner=bob)]
    jobs = [a_job(owner=alice, document=papers[0], state=JobState.SUCCEEDED),
            a_job(owner=alice, document=papers[1], state=JobState.RUNNING),
            a_job(owner=bob, document=papers[2], state=JobState.FAILED),
            a_job(owner=bob, document=papers[2], state=JobState.FAILED),
            a_job(owner=bob, document=papers[2])]
    await given(storage, alice, bob, carol, *papers, *jobs)

    counts = await unit.admin.counts()

    assert (counts.users, counts.documents) == (3, 3)
    assert dict(counts.jobs) == {**NO_JOBS, JobState.SUCCEEDED: 1, JobState.RUNNING: 1,
                                 JobState.FAILED: 2, JobState.QUEUED: 1}


async def test_an_erased_users_documents_and_jobs_are_no_longer_counted(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    alices, bobs = a_document(owner=alice), a_document(owner=bob)
    await given(storage, alice, bob, alices, bobs, a_job(owner=alice, document=alices),
                a_job(owner=bob, document=bobs, state=JobState.CANCELLED))

    await unit.users.delete(alice.id)
    await unit.tx.commit()

    counts = await storage.begin().admin.counts()
    assert (counts.users, counts.documents) == (1, 1)
    assert dict(counts.jobs) == {**NO_JOBS, JobState.CANCELLED: 1}


async def test_users_are_newest_first_whole_with_blocked_and_credits(
        storage: Storage, unit: Unit) -> None:
    old = a_user(created_at=NOW, role=Role.ADMIN)
    middle = a_user(created_at=NOW + minutes(1), blocked=True, token_version=3)
    new = a_user(created_at=NOW + minutes(2))
    await given(storage, middle, old, new)
    await grant(storage, (old, 700), (new, 50), (new, -20))

    page = await unit.admin.users(PageRequest())

    assert [item.user for item in page.items] == [new, middle, old]
    assert [item.credits for item in page.items] == [30, 0, 700]
    assert page.items[1].user.blocked and page.total == 3


async def test_credits_are_the_ledger_balance_after_usage(storage: Storage, unit: Unit) -> None:
    user = a_user()
    await given(storage, user)
    await grant(storage, (user, 1_000))
    spending = storage.begin()
    reservation = await spending.quota.reserve(user.id, 400, NOW, LIMITS)
    await spending.quota.settle(reservation.id, Usage(model="m", prompt_tokens=100,
                                                      completion_tokens=150, latency_ms=9),
                                NOW)
    held = await spending.quota.reserve(user.id, 100, NOW, LIMITS)
    await spending.tx.commit()

    [summary] = (await unit.admin.users(PageRequest())).items
    balance = await unit.quota.balance(user.id, NOW, LIMITS)

    assert summary.credits == balance.credits == 750
    assert held.tokens == balance.reserved  # a hold is not a charge: credits leave it out


async def test_users_page_with_total_and_ties_broken_by_id(storage: Storage, unit: Unit) -> None:
    people = [a_user(created_at=NOW + minutes(n % 3)) for n in range(7)]
    await given(storage, *people)
    await grant(storage, *((person, 10 * n + 1) for n, person in enumerate(people)))
    newest_first = sorted(people, key=lambda user: (user.created_at, user.id), reverse=True)
    credits = {person.id: 10 * n + 1 for n, person in enumerate(people)}

    pages = [await unit.admin.users(PageRequest(limit=3, offset=offset))
             for offset in (0, 3, 6, 9)]

    assert [item.user for page in pages for item in page.items] == newest_first
    assert [len(page.items) for page in pages] == [3, 3, 1, 0]
    assert {page.total for page in pages} == {7}
    assert all(item.credits == credits[item.user.id] for page in pages for item in page.items)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sql_engine(request: pytest.FixtureRequest) -> AsyncEngine:
    """Only the SQL adapters run statements to count."""
    engine: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return engine


async def test_a_page_of_users_is_one_statement(sql_engine: AsyncEngine) -> None:
    storage = await SqlStorage.emptied(sql_engine)
    unit = storage.begin()
    storage_engine = sql_engine
    people = [a_user(created_at=NOW + minutes(n)) for n in range(5)]
    await given(storage, *people)
    await grant(storage, *((person, 100) for person in people))
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(storage_engine.sync_engine, "before_cursor_execute", count)
    try:
        page = await unit.admin.users(PageRequest(limit=5))
    finally:
        event.remove(storage_engine.sync_engine, "before_cursor_execute", count)

    assert [item.credits for item in page.items] == [100] * 5
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    await storage.close()
