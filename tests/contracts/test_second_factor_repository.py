"""SecondFactorRepository contract for the in-memory, SQLite and PostgreSQL adapters: one
factor per user, saves that lost a race refused, deletion with the user."""

import pytest
from tests.builders import NOW, a_session_family, a_user, minutes
from tests.contracts.storage import MemoryStorage, SqlStorage, Storage, Unit, given

from adapters.memory.transactions import InMemoryTransactionManager
from adapters.memory.two_factor import InMemorySecondFactorRepository
from adapters.sql.two_factor import SqlSecondFactorRepository
from domain.errors import Conflict
from domain.ports.two_factor import SecondFactorRepository
from domain.two_factor import SecondFactor


def factors_of(storage: Storage, unit: Unit) -> SecondFactorRepository:
    if isinstance(storage, MemoryStorage):
        assert isinstance(unit.tx, InMemoryTransactionManager)
        return InMemorySecondFactorRepository(unit.tx)
    assert isinstance(storage, SqlStorage)
    return SqlSecondFactorRepository(storage._sessions[unit.tx])  # type: ignore[index]


def enrolled(user_id) -> SecondFactor:  # type: ignore[no-untyped-def]
    return SecondFactor.enrol(user_id=user_id, secret_ciphertext="gAAAA-sealed", now=NOW)


async def test_a_factor_reads_back_as_stored_through_its_changes(storage, unit) -> None:
    ada = a_user()
    await given(storage, ada)
    factors = factors_of(storage, unit)
    assert await factors.get(ada.id) is None
    await factors.add(enrolled(ada.id))
    await unit.tx.commit()
    on = enrolled(ada.id).used_step(55_000_000).confirmed(
        recovery_digests=("a" * 64, "b" * 64), now=NOW + minutes(1))
    await factors.save(on)
    await unit.tx.commit()

    reader = factors_of(storage, storage.begin())
    assert await reader.get(ada.id) == on
    used = on.used_recovery_code("a" * 64)
    await reader.save(used)
    assert await reader.get(ada.id) == used


async def test_a_second_factor_for_the_same_user_is_a_conflict(storage, unit) -> None:
    ada = a_user()
    await given(storage, ada)
    await factors_of(storage, unit).add(enrolled(ada.id))
    await unit.tx.commit()
    other = storage.begin()
    with pytest.raises(Conflict):
        await factors_of(storage, other).add(enrolled(ada.id))


async def test_of_two_saves_from_the_same_version_only_the_first_wins(storage, unit) -> None:
    ada = a_user()
    await given(storage, ada)
    await factors_of(storage, unit).add(enrolled(ada.id).used_step(1).confirmed(
        recovery_digests=("a" * 64,), now=NOW))
    await unit.tx.commit()
    first, second = storage.begin(), storage.begin()
    read = await factors_of(storage, first).get(ada.id)
    assert read is not None and await factors_of(storage, second).get(ada.id) == read
    await factors_of(storage, first).save(read.used_step(2))
    await first.tx.commit()
    await storage.end(first)
    with pytest.raises(Conflict):
        await factors_of(storage, second).save(read.used_step(2))
    await storage.end(second)
    reader = factors_of(storage, storage.begin())
    stored = await reader.get(ada.id)
    assert stored is not None and stored.last_step == 2 and stored.version == read.version + 1
    with pytest.raises(Conflict):  # nothing stored at all
        await reader.save(enrolled(a_user().id).used_step(1))


async def test_delete_removes_the_factor_and_ignores_a_missing_one(storage, unit) -> None:
    ada = a_user()
    await given(storage, ada)
    factors = factors_of(storage, unit)
    await factors.add(enrolled(ada.id))
    await factors.delete(ada.id)
    await factors.delete(a_user().id)
    await unit.tx.commit()
    assert await factors_of(storage, storage.begin()).get(ada.id) is None


async def test_a_session_family_keeps_whether_it_passed_the_second_factor(
        storage, unit) -> None:
    ada = a_user()
    verified = a_session_family(user=ada, mfa=True)
    plain = a_session_family(user=ada)
    await given(storage, ada, verified, plain)
    rotated, _ = verified.rotate(presented_digest=verified.current_digest,
                                 successor_digest="c" * 64, now=NOW + minutes(1))
    await unit.sessions.save(rotated, previous_digest=verified.current_digest)
    await unit.tx.commit()
    reader = storage.begin()
    found = await reader.sessions.find_by_token("c" * 64)
    assert found is not None and found.mfa
    assert [f.mfa for f in await reader.sessions.all_of(ada.id)
            if f.id == plain.id] == [False]


async def test_deleting_the_user_deletes_the_factor(storage, unit) -> None:
    ada = a_user()
    await given(storage, ada)
    await factors_of(storage, unit).add(enrolled(ada.id))
    await unit.tx.commit()
    await storage.end(unit)
    deleting = storage.begin()
    await deleting.users.delete(ada.id)
    await deleting.tx.commit()
    await storage.end(deleting)
    assert await factors_of(storage, storage.begin()).get(ada.id) is None
