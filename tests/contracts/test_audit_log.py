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


async def test_concerning_lists_entries_by_or_about_a_user_oldest_first(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    by_alice = an_audit_entry(actor=alice, target=None, at=NOW + minutes(2))
    about_alice = an_audit_entry(actor=None, target=str(alice.id), at=NOW + minutes(1))
    admin_on_alice = an_audit_entry(actor=bob, target=f"user:{alice.id}", at=NOW + minutes(3))
    bobs = an_audit_entry(actor=bob, target=f"user:{bob.id}", at=NOW + minutes(4))
    elsewhere = an_audit_entry(actor=None, target=f"payment:{alice.id}", at=NOW)
    await given(storage, by_alice, about_alice, admin_on_alice, bobs, elsewhere)

    assert await unit.audit.concerning(alice.id) == [about_alice, by_alice, admin_on_alice]
    assert await unit.audit.concerning(bob.id) == [admin_on_alice, bobs]
    assert await unit.audit.concerning(a_user().id) == []
