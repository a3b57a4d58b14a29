"""Outbox contract, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest
from tests.builders import NOW, an_outbox_message, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.outbox import MAX_DELIVERY_ATTEMPTS, OutboxMessage

LEASE_S = 60


async def test_a_message_reads_back_whole(storage: Storage, unit: Unit) -> None:
    message = an_outbox_message()
    failed = an_outbox_message().failed("SMTP down", NOW)
    await given(storage, message, failed)

    assert await unit.outbox.get(message.id) == message
    assert await unit.outbox.get(failed.id) == failed
    assert await unit.outbox.get(an_outbox_message().id) is None


async def test_claim_due_takes_due_messages_oldest_first_up_to_limit(
        storage: Storage, unit: Unit) -> None:
    due = [an_outbox_message(now=NOW - minutes(n)) for n in (1, 5, 3, 4)]
    later = an_outbox_message(now=NOW + minutes(1))
    retry_later = an_outbox_message(now=NOW - minutes(9)).failed("refused", NOW)
    sent = an_outbox_message(now=NOW - minutes(9)).delivered(NOW - minutes(8))
    given_up = replace(an_outbox_message(now=NOW - minutes(9)), attempts=MAX_DELIVERY_ATTEMPTS)
    await given(storage, *due, later, retry_later, sent, given_up)
    oldest_first = sorted(due, key=lambda message: message.created_at)

    claimed = await unit.outbox.claim_due(NOW, 3, LEASE_S)

    leased_until = NOW + timedelta(seconds=LEASE_S)
    assert claimed == [replace(m, next_attempt_at=leased_until) for m in oldest_first[:3]]


async def test_a_claimed_message_is_not_claimed_again_until_the_lease_passes(
        storage: Storage, unit: Unit) -> None:
    message = an_outbox_message()
    await given(storage, message)
    assert [m.id for m in await unit.outbox.claim_due(NOW, 10, LEASE_S)] == [message.id]
    await unit.tx.commit()

    second = storage.begin()
    assert await second.outbox.claim_due(NOW + timedelta(seconds=LEASE_S - 1), 10, LEASE_S) == []
    again = await second.outbox.claim_due(NOW + timedelta(seconds=LEASE_S), 10, LEASE_S)
    assert [m.id for m in again] == [message.id]


async def test_concurrent_claimers_get_disjoint_messages(storage: Storage) -> None:
    messages = [an_outbox_message(now=NOW - minutes(n)) for n in range(6)]
    await given(storage, *messages)

    async def claim() -> list[OutboxMessage]:
        unit = storage.begin()
        claimed = await unit.outbox.claim_due(NOW, 4, LEASE_S)
        await unit.tx.commit()
        return claimed

    first, second = await asyncio.gather(claim(), claim())

    assert {m.id for m in first}.isdisjoint({m.id for m in second})
    assert {m.id for m in first + second} == {m.id for m in messages}


# SQLite has one writer at a time: there a second claimer waits for the first to commit.
@pytest.mark.parametrize("storage_engine", ["memory", pytest.param("postgres",
                                                                   marks=pytest.mark.postgres)],
                         indirect=True)
async def test_an_uncommitted_claim_is_skipped_by_other_claimers(storage: Storage) -> None:
    messages = [an_outbox_message(now=NOW - minutes(n)) for n in range(3)]
    await given(storage, *messages)
    first, second = storage.begin(), storage.begin()

    taken = await first.outbox.claim_due(NOW, 2, LEASE_S)
    rest = await second.outbox.claim_due(NOW, 2, LEASE_S)

    assert len(taken) == 2
    assert [m.id for m in rest] == [m.id for m in messages if m not in taken][:1]
    assert {m.id for m in taken}.isdisjoint({m.id for m in rest})


async def test_a_delivered_message_is_stored_and_never_claimed(
        storage: Storage, unit: Unit) -> None:
    message = an_outbox_message()
    await given(storage, message)
    delivered = message.delivered(NOW + minutes(1))

    await unit.outbox.save(delivered)
    await unit.tx.commit()

    later = storage.begin()
    assert await later.outbox.get(message.id) == delivered
    assert await later.outbox.claim_due(NOW + minutes(60), 10, LEASE_S) == []


async def test_purge_sent_deletes_messages_delivered_before_a_time(
        storage: Storage, unit: Unit) -> None:
    old = an_outbox_message(now=NOW - minutes(90)).delivered(NOW - minutes(80))
    recent = an_outbox_message(now=NOW - minutes(5)).delivered(NOW - minutes(4))
    pending = an_outbox_message(now=NOW - minutes(90))
    await given(storage, old, recent, pending)

    assert await unit.outbox.purge_sent(NOW - minutes(60)) == 1
    await unit.tx.commit()

    later = storage.begin()
    assert await later.outbox.get(old.id) is None
    assert await later.outbox.get(recent.id) == recent
    assert await later.outbox.get(pending.id) == pending


async def test_count_pending_counts_what_is_still_to_deliver(storage: Storage, unit: Unit) -> None:
    due = an_outbox_message(now=NOW - minutes(1))
    later = an_outbox_message(now=NOW + minutes(1))
    retry_later = an_outbox_message(now=NOW - minutes(9)).failed("refused", NOW)
    sent = an_outbox_message(now=NOW - minutes(9)).delivered(NOW - minutes(8))
    given_up = replace(an_outbox_message(now=NOW - minutes(9)), attempts=MAX_DELIVERY_ATTEMPTS)
    await given(storage, due, later, retry_later, sent, given_up)

    assert await unit.outbox.count_pending() == 3
