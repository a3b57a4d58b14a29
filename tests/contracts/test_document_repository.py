"""DocumentRepository contract, for the in-memory, SQLite and PostgreSQL adapters."""

from dataclasses import replace

import pytest
from tests.builders import NOW, a_document, a_section, a_source, a_spec, a_user, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.documents import DocumentStatus
from domain.errors import NotFound
from domain.pages import PageRequest
from domain.title_page import TitlePage


async def test_a_document_reads_back_whole(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner, sections=(a_section(1), a_section(2, "Друга [1][2].")),
                          sources=(a_source(1), replace(a_source(2), year=None, doi=None)))
    await given(storage, owner, document)

    assert await unit.documents.get(owner.id, document.id) == document


async def test_the_title_page_reads_back_and_a_change_to_it_is_saved(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    page = TitlePage(author="Олена Коваленко", institution="КНУ", faculty="ФІТ",
                     department="Кафедра програмних систем", supervisor="Петренко П. П.",
                     city="Київ", year=2024)
    document = a_document(owner=owner, spec=a_spec(title_page=page))
    await given(storage, owner, document)
    assert (await unit.documents.get(owner.id, document.id)).spec.title_page == page

    changed = document.revise({"title_page": {"city": "Львів", "supervisor": None}},
                              NOW + minutes(1))
    await unit.documents.save(changed)
    await unit.tx.commit()

    stored = (await storage.begin().documents.get(owner.id, document.id)).spec.title_page
    assert stored == replace(page, city="Львів", supervisor=None)


async def test_a_missing_or_foreign_document_is_not_found(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document = a_document(owner=alice)
    await given(storage, alice, bob, document)

    with pytest.raises(NotFound):
        await unit.documents.get(bob.id, document.id)
    with pytest.raises(NotFound):
        await unit.documents.get(alice.id, a_document(owner=alice).id)


async def test_save_stores_the_changed_document(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner, status=DocumentStatus.DRAFT, sections=())
    await given(storage, owner, document)
    changed = replace(
        document.revise({"title": "Arch bridges", "instructions": None}, NOW + minutes(1)),
        status=DocumentStatus.READY, sections=(a_section(),))

    await unit.documents.save(changed)
    await unit.tx.commit()

    assert await storage.begin().documents.get(owner.id, document.id) == changed


async def test_save_of_a_gone_or_foreign_document_is_not_found(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document = a_document(owner=alice)
    await given(storage, alice, bob, document)

    with pytest.raises(NotFound):
        await unit.documents.save(a_document(owner=alice))
    with pytest.raises(NotFound):
        await unit.documents.save(replace(document, owner=bob.id))
    await unit.tx.rollback()
    assert await storage.begin().documents.get(alice.id, document.id) == document


async def test_delete_removes_only_the_owners_document(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document = a_document(owner=alice)
    await given(storage, alice, bob, document)

    with pytest.raises(NotFound):
        await unit.documents.delete(bob.id, document.id)
    with pytest.raises(NotFound):
        await unit.documents.delete(alice.id, a_document(owner=alice).id)
    await unit.documents.delete(alice.id, document.id)
    await unit.tx.commit()

    with pytest.raises(NotFound):
        await storage.begin().documents.get(alice.id, document.id)


async def test_list_pages_newest_first_without_section_texts(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    documents = [a_document(owner=alice, created_at=NOW + minutes(n)) for n in (2, 0, 3, 1)]
    await given(storage, alice, bob, *documents, a_document(owner=bob))
    newest_first = sorted(documents, key=lambda d: d.created_at, reverse=True)
    expected = [replace(document, sections=()) for document in newest_first]

    first = await unit.documents.list(alice.id, PageRequest(limit=3))
    second = await unit.documents.list(alice.id, PageRequest(limit=3, offset=3))
    past_end = await unit.documents.list(alice.id, PageRequest(limit=3, offset=9))

    assert first.items == tuple(expected[:3])
    assert second.items == tuple(expected[3:])
    assert past_end.items == ()
    assert (first.total, second.total, past_end.total) == (4, 4, 4)
    assert (second.limit, second.offset) == (3, 3)


async def test_list_of_an_owner_without_documents_is_empty(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    await given(storage, alice, bob, a_document(owner=alice))

    page = await unit.documents.list(bob.id, PageRequest())

    assert (page.items, page.total) == ((), 0)


async def test_delete_all_erases_every_document_of_one_owner(
        storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    bobs = a_document(owner=bob)
    await given(storage, alice, bob, a_document(owner=alice), a_document(owner=alice), bobs)

    await unit.documents.delete_all(alice.id)
    await unit.tx.commit()

    later = storage.begin()
    assert (await later.documents.list(alice.id, PageRequest())).total == 0
    assert await later.documents.get(bob.id, bobs.id) == bobs


async def test_all_of_returns_full_documents_oldest_first(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    documents = [a_document(owner=alice, created_at=NOW + minutes(n)) for n in (1, 0, 2)]
    await given(storage, alice, bob, *documents, a_document(owner=bob))

    found = await unit.documents.all_of(alice.id)

    assert list(found) == sorted(documents, key=lambda d: d.created_at)
    assert await unit.documents.all_of(a_user().id) == []


async def test_a_listed_document_keeps_its_word_count(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner, word_count=1234)
    await given(storage, owner, document)

    [listed] = (await unit.documents.list(owner.id, PageRequest())).items
    assert listed.sections == ()
    assert listed.word_count == 1234


async def test_a_change_to_a_stale_version_is_a_conflict(storage: Storage, unit: Unit) -> None:
    from domain.errors import Conflict

    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)
    first, second = storage.begin(), storage.begin()
    mine = await first.documents.get(owner.id, document.id)
    theirs = await second.documents.get(owner.id, document.id)

    await first.documents.save(mine.revise({"title": "Mine"}, NOW + minutes(1)))
    await first.tx.commit()
    await storage.end(first)
    with pytest.raises(Conflict):
        await second.documents.save(theirs.revise({"topic": "Theirs"}, NOW + minutes(2)))
    await second.tx.rollback()
    await storage.end(second)

    stored = await unit.documents.get(owner.id, document.id)
    assert (stored.spec.title, stored.spec.topic) == ("Mine", document.spec.topic)
    with pytest.raises(Conflict):
        await unit.documents.save(stored)  # not a new revision of what is stored
