"""TransactionManager contract, for the in-memory, SQLite and PostgreSQL adapters."""

import pytest
from tests.builders import a_document, a_session_family, a_user
from tests.contracts.storage import Storage, Unit, given

from domain.errors import NotFound
from domain.pages import PageRequest


async def test_uncommitted_changes_are_invisible_to_others_and_seen_by_their_own(
        storage: Storage, unit: Unit) -> None:
    user = a_user()
    await unit.users.add(user)

    assert await unit.users.get(user.id) == user
    assert await storage.begin().users.find_by_email(user.email) is None

    await unit.tx.commit()
    assert await storage.begin().users.find_by_email(user.email) == user


async def test_rollback_discards_changes(storage: Storage, unit: Unit) -> None:
    kept, dropped = a_user(), a_user()
    await given(storage, kept)
    await unit.users.add(dropped)
    await unit.users.delete(kept.id)

    await unit.tx.rollback()

    assert await unit.users.find_by_email(dropped.email) is None
    later = storage.begin()
    assert await later.users.find_by_email(dropped.email) is None
    assert await later.users.get(kept.id) == kept


async def test_a_scope_ending_without_commit_leaves_storage_as_it_was(
        storage: Storage, unit: Unit) -> None:
    user = a_user()
    await unit.users.add(user)

    await storage.end(unit)

    assert await storage.begin().users.find_by_email(user.email) is None


async def test_work_goes_on_after_a_commit(storage: Storage, unit: Unit) -> None:
    first, second = a_user(), a_user()
    await unit.users.add(first)
    await unit.tx.commit()
    await unit.users.add(second)
    await unit.tx.commit()

    assert (await storage.begin().users.list(PageRequest())).total == 2


async def test_concurrent_transactions_keep_each_others_writes(storage: Storage) -> None:
    alice, bob = a_user(), a_user()
    first, second = storage.begin(), storage.begin()
    await first.users.add(alice)
    await first.tx.commit()
    await second.users.add(bob)
    await second.tx.commit()

    later = storage.begin()
    assert [await later.users.get(u.id) for u in (alice, bob)] == [alice, bob]


async def test_deleting_a_user_deletes_their_documents_and_sessions(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document, family = a_document(owner=alice), a_session_family(user=alice)
    bobs_document, bobs_family = a_document(owner=bob), a_session_family(user=bob)
    await given(storage, alice, bob, document, family, bobs_document, bobs_family)

    await unit.users.delete(alice.id)
    await unit.tx.commit()

    later = storage.begin()
    with pytest.raises(NotFound):
        await later.documents.get(alice.id, document.id)
    assert await later.sessions.find_by_token(family.current_digest) is None
    assert await later.documents.get(bob.id, bobs_document.id) == bobs_document
    assert await later.sessions.find_by_token(bobs_family.current_digest) == bobs_family
