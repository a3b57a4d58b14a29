"""UserRepository contract, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio
from dataclasses import replace
from datetime import UTC

import pytest
from tests.builders import NOW, a_user, an_email, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.errors import Conflict, NotFound
from domain.ids import UserId
from domain.pages import PageRequest
from domain.users import Email, Role


async def test_a_user_reads_back_whole(storage: Storage, unit: Unit) -> None:
    user = a_user(role=Role.ADMIN, blocked=True, token_version=3)
    await given(storage, user)

    stored = await unit.users.get(user.id)

    assert stored == user
    assert stored.created_at.tzinfo is not None
    assert stored.created_at.utcoffset() == UTC.utcoffset(None)


async def test_the_display_name_reads_back_through_get_find_list_and_save(
        storage: Storage, unit: Unit) -> None:
    named, unnamed = a_user(display_name="Олена Коваленко"), a_user()
    await given(storage, named, unnamed)

    assert (await unit.users.get(named.id)).display_name == "Олена Коваленко"
    assert (await unit.users.find_by_email(named.email)) == named
    assert (await unit.users.get(unnamed.id)).display_name is None
    listed = {user.id: user.display_name for user in (await unit.users.list(PageRequest())).items}
    assert listed == {named.id: "Олена Коваленко", unnamed.id: None}

    await unit.users.save(named.renamed(None))
    await unit.users.save(unnamed.renamed("Ada " + "ł" * 96))
    await unit.tx.commit()

    later = storage.begin()
    assert (await later.users.get(named.id)).display_name is None
    assert (await later.users.get(unnamed.id)).display_name == "Ada " + "ł" * 96


async def test_an_unknown_id_is_not_found(unit: Unit) -> None:
    with pytest.raises(NotFound):
        await unit.users.get(a_user().id)


async def test_find_by_email_ignores_case_and_returns_none_when_unknown(
        storage: Storage, unit: Unit) -> None:
    user = a_user(email="Ada.Lovelace@Example.COM")
    await given(storage, user)

    assert await unit.users.find_by_email(Email("ada.lovelace@example.com")) == user
    assert await unit.users.find_by_email(Email("ADA.LOVELACE@example.com")) == user
    assert await unit.users.find_by_email(an_email()) is None


@pytest.mark.parametrize("address", ["grace@example.com", "GRACE@Example.com"])
async def test_a_taken_email_is_a_conflict(storage: Storage, unit: Unit, address: str) -> None:
    await given(storage, a_user(email="grace@example.com"))

    with pytest.raises(Conflict):
        await unit.users.add(a_user(email=address))


async def test_two_concurrent_registrations_of_one_email_cannot_both_win(
        storage: Storage) -> None:
    email = an_email()

    async def register() -> None:
        unit = storage.begin()
        await unit.users.add(a_user(email=email))
        await unit.tx.commit()

    outcomes = await asyncio.gather(register(), register(), return_exceptions=True)

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Conflict", "NoneType"]
    assert await storage.begin().users.find_by_email(email) is not None


async def test_save_stores_the_whole_user(storage: Storage, unit: Unit) -> None:
    user = a_user()
    await given(storage, user)
    changed = user.promote_to_admin().block()

    await unit.users.save(changed)
    await unit.tx.commit()

    assert await storage.begin().users.get(user.id) == changed


async def test_save_of_an_unknown_user_is_not_found(unit: Unit) -> None:
    with pytest.raises(NotFound):
        await unit.users.save(a_user())


async def test_save_cannot_take_another_users_email(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    await given(storage, alice, bob)

    with pytest.raises(Conflict):
        await unit.users.save(replace(bob, email=alice.email))


async def test_delete_erases_and_is_a_no_op_when_absent(storage: Storage, unit: Unit) -> None:
    user = a_user()
    await given(storage, user)

    await unit.users.delete(user.id)
    await unit.users.delete(UserId(a_user().id))
    await unit.tx.commit()

    later = storage.begin()
    with pytest.raises(NotFound):
        await later.users.get(user.id)
    assert await later.users.find_by_email(user.email) is None


async def test_a_deleted_users_email_can_be_registered_again(
        storage: Storage, unit: Unit) -> None:
    user = a_user()
    await given(storage, user)

    await unit.users.delete(user.id)
    await unit.users.add(a_user(email=user.email))
    await unit.tx.commit()

    assert (await storage.begin().users.find_by_email(user.email)) is not None


async def test_list_is_oldest_first_with_paging_and_total(storage: Storage, unit: Unit) -> None:
    users = [a_user(created_at=NOW + minutes(n)) for n in (3, 1, 4, 0, 2)]
    await given(storage, *users)
    oldest_first = sorted(users, key=lambda user: user.created_at)

    first = await unit.users.list(PageRequest(limit=2))
    second = await unit.users.list(PageRequest(limit=2, offset=2))
    past_end = await unit.users.list(PageRequest(limit=2, offset=10))

    assert first.items == tuple(oldest_first[:2])
    assert second.items == tuple(oldest_first[2:4])
    assert (first.total, second.total, past_end.total) == (5, 5, 5)
    assert past_end.items == ()
    assert (second.limit, second.offset) == (2, 2)
