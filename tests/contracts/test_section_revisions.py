"""SectionRevisionRepository contract, and the revisions DocumentRepository.save keeps, for
the in-memory, SQLite and PostgreSQL adapters."""

from dataclasses import replace

import pytest
from tests.builders import NOW, a_document, a_section, a_source, a_user, minutes
from tests.contracts.storage import Storage, Unit, given

from domain.documents import Claim, Origin, Verdict
from domain.errors import NotFound
from domain.pages import PageRequest

LATER = NOW + minutes(5)


def rewritten(document, text: str, at=LATER, **changes):
    """The document with section 1 replaced by `text`."""
    section = replace(a_section(1, text), written_at=at, **changes)
    return document.with_section(section, document.bibliography, at)


async def test_a_saved_replacement_keeps_the_old_text_as_a_revision(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    old = replace(a_section(1, "Стара версія [1]."), written_at=NOW,
                  claims=(Claim(sentence="Стара версія.", n=1, verdict=Verdict.UNVERIFIED),))
    document = a_document(owner=owner, sections=(old,))
    await given(storage, owner, document)

    await unit.documents.save(rewritten(document, "Нова версія [1].", origin=Origin.USER))
    await unit.tx.commit()

    reader = storage.begin()
    [kept] = (await reader.revisions.history(owner.id, document.id, "s1", PageRequest())).items
    assert kept.revision == 1 and kept.section == old and kept.replaced_at == LATER
    assert kept.created_at == NOW
    assert await reader.revisions.get(owner.id, document.id, 1) == kept
    stored = await reader.documents.get(owner.id, document.id)
    assert stored.revisions_made == 1 and stored.replaced == ()
    assert stored.sections[0].origin is Origin.USER


async def test_history_is_newest_first_per_section_and_paged(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)
    for text in ("Друга [1].", "Третя [1].", "Четверта [1]."):
        current = await unit.documents.get(owner.id, document.id)
        await unit.documents.save(rewritten(current, text))
    await unit.tx.commit()

    reader = storage.begin()
    page = await reader.revisions.history(owner.id, document.id, "s1", PageRequest(limit=2))
    assert [r.revision for r in page.items] == [3, 2] and page.total == 3
    assert [r.section.text for r in page.items] == ["Третя [1].", "Друга [1]."]
    rest = await reader.revisions.history(owner.id, document.id, "s1",
                                          PageRequest(limit=2, offset=2))
    assert [r.revision for r in rest.items] == [1]
    other = await reader.revisions.history(owner.id, document.id, "s2", PageRequest())
    assert other.items == () and other.total == 0


async def test_another_owner_sees_no_revisions(storage: Storage, unit: Unit) -> None:
    alice, bob = a_user(), a_user()
    document = a_document(owner=alice)
    await given(storage, alice, bob, document)
    await unit.documents.save(rewritten(document, "Нова [1]."))
    await unit.tx.commit()

    reader = storage.begin()
    with pytest.raises(NotFound):
        await reader.revisions.get(bob.id, document.id, 1)
    with pytest.raises(NotFound):
        await reader.revisions.get(alice.id, document.id, 2)
    assert (await reader.revisions.history(bob.id, document.id, "s1", PageRequest())).total == 0
    assert await reader.revisions.all_of(bob.id) == []


async def test_saving_the_same_replacement_twice_keeps_it_once(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)
    changed = rewritten(document, "Нова [1].")
    await unit.documents.save(changed)
    await unit.documents.save(replace(changed, revision=changed.revision + 1))
    await unit.tx.commit()

    assert len(await storage.begin().revisions.all_of(owner.id)) == 1


async def test_a_failed_save_keeps_no_revision(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)
    await unit.documents.save(rewritten(document, "Нова [1]."))
    await unit.tx.rollback()

    assert await storage.begin().revisions.all_of(owner.id) == []


async def test_revisions_go_with_their_document_and_their_owner(
        storage: Storage, unit: Unit) -> None:
    owner = a_user()
    first = a_document(owner=owner)
    second = a_document(owner=owner, created_at=NOW + minutes(1))
    await given(storage, owner, first, second)
    await unit.documents.save(rewritten(first, "Нова [1]."))
    await unit.documents.save(rewritten(second, "Інша [1]."))
    await unit.tx.commit()
    everything = await storage.begin().revisions.all_of(owner.id)
    assert [(r.document_id, r.revision) for r in everything] == [(first.id, 1), (second.id, 1)]

    remover = storage.begin()
    await remover.documents.delete(owner.id, first.id)
    await remover.tx.commit()
    assert [r.document_id for r in await storage.begin().revisions.all_of(owner.id)] == [
        second.id]

    eraser = storage.begin()
    await eraser.documents.delete_all(owner.id)
    await eraser.tx.commit()
    assert await storage.begin().revisions.all_of(owner.id) == []


async def test_removed_sources_keep_their_numbers_apart(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner, sources=(a_source(1),),
                          removed_sources=(a_source(2),))
    await given(storage, owner, document)

    stored = await unit.documents.get(owner.id, document.id)
    assert stored.sources == (a_source(1),) and stored.removed_sources == (a_source(2),)
