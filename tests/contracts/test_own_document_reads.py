"""OwnDocumentReads contract, for the in-memory, SQLite and PostgreSQL adapters."""

from dataclasses import replace

from tests.builders import a_document, a_section, a_source, a_user
from tests.contracts.storage import Storage, Unit, given

from domain.ports.document_reads import CallerAndDocument
from domain.users import Role


async def test_the_caller_and_their_document_read_back_whole(storage: Storage) -> None:
    owner = a_user(role=Role.ADMIN, token_version=4, display_name="Олена")
    document = a_document(owner=owner, sections=(a_section(1), a_section(2, "Друга [1][2].")),
                          sources=(a_source(1), replace(a_source(2), year=None, doi=None)))
    await given(storage, owner, document, a_document(owner=owner))

    found = await storage.document_reads().caller_and_document(owner.id, document.id)

    assert found == CallerAndDocument(owner, document)


async def test_another_users_document_is_none_and_the_caller_still_reads(
        storage: Storage) -> None:
    alice, bob = a_user(), a_user(blocked=True)
    bobs = a_document(owner=bob)
    await given(storage, alice, bob, bobs)
    reads = storage.document_reads()

    assert await reads.caller_and_document(alice.id, bobs.id) == CallerAndDocument(alice, None)
    assert await reads.caller_and_document(bob.id, a_document(owner=bob).id) == (
        CallerAndDocument(bob, None))


async def test_an_unknown_caller_is_none_even_with_a_document_id_of_theirs(
        storage: Storage) -> None:
    erased = a_user()
    document = a_document(owner=erased)
    alice = a_user()
    await given(storage, alice, a_document(owner=alice))

    found = await storage.document_reads().caller_and_document(erased.id, document.id)

    assert found == CallerAndDocument(None, None)


async def test_only_committed_changes_are_read(storage: Storage, unit: Unit) -> None:
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner)
    await unit.documents.add(document)  # not committed yet
    reads = storage.document_reads()

    assert await reads.caller_and_document(owner.id, document.id) == (
        CallerAndDocument(owner, None))
    await unit.tx.commit()
    assert await reads.caller_and_document(owner.id, document.id) == (
        CallerAndDocument(owner, document))
