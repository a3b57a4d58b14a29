"""AuditLog contract, for the in-memory, SQLite and PostgreSQL adapters."""

from tests.builders import NOW, a_user, an_audit_entry, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.pages import PageRequest


async def test_entries_read_back_whole(storage: Storage, unit: Unit) -> None:
    entry = an_audit_entry(actor=a_user(), details={"nested": {"ok": True}, "n": [1, 2]})
    anonymous = an_audit_entry(actor=None, target=None, ip=None, details={})
    await unit.audit.record(entry)
    await unit.audit.record(anonymous)
    await unit.tx.commit()

    page = await storage.begin().audit.list(PageRequest())

    assert sorted(page.items, key=lambda e: e.id) == sorted([entry, anonymous],
                                                           key=lambda e: e.id)


async def test_list_is_newest_first_with_paging_and_total(storage: Storage, unit: Unit) -> None:
    entries = [an_audit_entry(at=NOW + minutes(n)) for n in (1, 4, 0, 3, 2)]
    await given(storage, *entries)
    newest_first = sorted(entries, key=lambda entry: entry.at, reverse=True)

    first = await unit.audit.list(PageRequest(limit=2))
    third = await unit.audit.list(PageRequest(limit=2, offset=4))

    assert first.items == tuple(newest_first[:2])
    assert third.items == tuple(newest_first[4:])
    assert (first.total, third.total) == (5, 5)


async def test_anonymise_actor_clears_only_that_users_entries(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    alices = [an_audit_entry(actor=alice, at=NOW + minutes(n)) for n in range(2)]
    bobs = an_audit_entry(actor=bob, at=NOW + minutes(5))
    await given(storage, *alices, bobs)

    await unit.audit.anonymise_actor(alice.id)
    await unit.tx.commit()

    page = await storage.begin().audit.list(PageRequest())
    assert [entry.actor_id for entry in page.items] == [bob.id, None, None]
    assert [entry.id for entry in page.items] == [bobs.id, alices[1].id, alices[0].id]
