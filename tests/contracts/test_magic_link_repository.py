"""MagicLinkRepository contract, for the in-memory, SQLite and PostgreSQL adapters."""

import asyncio

import pytest
from tests.builders import NOW, a_magic_link, a_token_digest, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.errors import InvalidMagicLink
from domain.magic_links import MagicLink


async def spend(unit: Unit, spent: MagicLink) -> None:
    """What signing in does with a link: mark it used, then commit (either may refuse)."""
    await unit.links.mark_used(spent)
    await unit.tx.commit()


async def test_a_link_is_found_by_its_token_digest(storage: Storage, unit: Unit) -> None:
    link = a_magic_link()
    await given(storage, link, a_magic_link())

    assert await unit.links.find(link.token_digest) == link


async def test_an_unknown_digest_finds_nothing(storage: Storage, unit: Unit) -> None:
    await given(storage, a_magic_link())

    assert await unit.links.find(a_token_digest()) is None


async def test_mark_used_records_the_use(storage: Storage, unit: Unit) -> None:
    link = a_magic_link()
    await given(storage, link)
    spent = link.consume(NOW + minutes(1))

    await unit.links.mark_used(spent)
    await unit.tx.commit()

    assert await storage.begin().links.find(link.token_digest) == spent


async def test_a_link_works_once(storage: Storage) -> None:
    link = a_magic_link()
    await given(storage, link)
    first, second = storage.begin(), storage.begin()
    read_by_second = await second.links.find(link.token_digest)
    assert read_by_second is not None

    await spend(first, link.consume(NOW + minutes(1)))

    with pytest.raises(InvalidMagicLink):
        await spend(second, read_by_second.consume(NOW + minutes(2)))


async def test_two_concurrent_uses_of_one_link_cannot_both_win(storage: Storage) -> None:
    link = a_magic_link()
    await given(storage, link)
    units = [storage.begin(), storage.begin()]
    read = [await unit.links.find(link.token_digest) for unit in units]
    assert all(found == link for found in read)

    outcomes = await asyncio.gather(spend(units[0], link.consume(NOW + minutes(1))),
                                    spend(units[1], link.consume(NOW + minutes(2))),
                                    return_exceptions=True)

    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "InvalidMagicLink", "NoneType"]
    stored = await storage.begin().links.find(link.token_digest)
    assert stored is not None and stored.used_at is not None


async def test_delete_expired_removes_used_and_unused_links_past_expiry(
        storage: Storage, unit: Unit) -> None:
    expired = a_magic_link(now=NOW - minutes(30))
    expired_used = a_magic_link(now=NOW - minutes(20)).consume(NOW - minutes(19))
    alive = a_magic_link(now=NOW - minutes(5))
    await given(storage, expired, expired_used, alive)

    assert await unit.links.delete_expired(NOW) == 2
    await unit.tx.commit()

    later = storage.begin()
    assert await later.links.find(expired.token_digest) is None
    assert await later.links.find(expired_used.token_digest) is None
    assert await later.links.find(alive.token_digest) == alive
