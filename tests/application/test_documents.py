
import pytest
from tests.application.sign_in_steps import sign_in

from adapters.memory.database import AUDIT_LOG, DOCUMENTS, MAGIC_LINKS, USERS
from application.admin.create_admin import CreateAdmin
from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.auth.export_my_data import ExportMyData
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.delete_document import DeleteDocument
from application.documents.get_document import GetDocument
from application.documents.list_documents import ListDocuments
from application.documents.update_document import UpdateDocument, UpdateDocumentRequest
from application.housekeeping import Housekeeping
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import InvalidInput, NotAuthenticated, NotFound
from domain.languages import Language
from domain.pages import PageRequest
from domain.users import Role

SPEC = DocumentSpec(title="Bridges", topic="Suspension bridges", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)


async def a_user(run, fakes, email="ada@example.com"):
    pair = await sign_in(run, fakes, email)
    return await run(Authenticate, pair.access_token), pair


async def test_documents_belong_to_their_owner(run, fakes) -> None:
    alice, _ = await a_user(run, fakes, "alice@example.com")
    bob, _ = await a_user(run, fakes, "bob@example.com")
    document = await run(CreateDocument, CreateDocumentRequest(owner=alice.id, spec=SPEC))
    assert (await run(GetDocument, alice.id, document.id)).spec == SPEC
    with pytest.raises(NotFound):
        await run(GetDocument, bob.id, document.id)
    with pytest.raises(NotFound):
        await run(UpdateDocument, UpdateDocumentRequest(owner=bob.id, id=document.id,
                                                        changes={"title": "Mine"}))
    with pytest.raises(NotFound):
        await run(DeleteDocument, bob.id, document.id)
    assert (await run(ListDocuments, bob.id, PageRequest())).total == 0
    assert document.id in fakes.db.tables[DOCUMENTS]


async def test_update_validates_and_bumps_the_revision(run, fakes) -> None:
    user, _ = await a_user(run, fakes)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    fakes.clock.advance(minutes=1)
    updated = await run(UpdateDocument, UpdateDocumentRequest(
        owner=user.id, id=document.id, changes={"target_words": 3000}))
    assert updated.revision == document.revision + 1
    assert updated.updated_at > document.updated_at
    with pytest.raises(InvalidInput):
        await run(UpdateDocument, UpdateDocumentRequest(owner=user.id, id=document.id,
                                                        changes={"target_words": 1}))
    assert (await run(GetDocument, user.id, document.id)).spec.target_words == 3000
    same = await run(UpdateDocument, UpdateDocumentRequest(owner=user.id, id=document.id))
    assert same.revision == updated.revision


async def test_export_holds_the_account_and_every_document(run, fakes) -> None:
    user, _ = await a_user(run, fakes)
    for _ in range(3):
        await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    data = await run(ExportMyData, user.id)
    assert data.user.email == user.email and len(data.documents) == 3


async def test_deleting_the_account_erases_it_and_anonymises_the_audit_log(run, fakes) -> None:
    user, pair = await a_user(run, fakes)
    await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    await run(DeleteAccount, user.id)
    assert fakes.db.tables[USERS] == {} and fakes.db.tables[DOCUMENTS] == {}
    assert all(entry.actor_id is None for entry in fakes.db.tables[AUDIT_LOG].values())
    with pytest.raises(NotAuthenticated):
        await run(Authenticate, pair.access_token)


async def test_housekeeping_removes_expired_links(run, fakes) -> None:
    await sign_in(run, fakes)
    fakes.clock.advance(minutes=11)
    report = await run(Housekeeping)
    assert report.magic_links == 1 and fakes.db.tables[MAGIC_LINKS] == {}
    fakes.clock.advance(days=31)
    assert (await run(Housekeeping)).sessions == 1


async def test_create_admin_creates_or_promotes_once(run, fakes) -> None:
    admin = await run(CreateAdmin, "Root@Example.com")
    assert admin.role is Role.ADMIN and str(admin.email) == "root@example.com"
    user, _ = await a_user(run, fakes, "ada@example.com")
    promoted = await run(CreateAdmin, "ada@example.com")
    assert promoted.id == user.id and promoted.role is Role.ADMIN
    entries = len(fakes.db.tables[AUDIT_LOG])
    await run(CreateAdmin, "ada@example.com")
    assert len(fakes.db.tables[AUDIT_LOG]) == entries


async def test_housekeeping_purges_idempotency_keys_after_a_day(run, fakes, container) -> None:
    from domain.ports.idempotency import IdempotencyStore
    from domain.ports.transactions import TransactionManager

    user, _ = await a_user(run, fakes)
    async with container() as scope:
        await (await scope.get(IdempotencyStore)).begin(user.id, "k1", "h" * 64,
                                                         fakes.clock.now())
        await (await scope.get(TransactionManager)).commit()
    assert (await run(Housekeeping)).idempotency_keys == 0
    fakes.clock.advance(hours=24, seconds=1)
    assert (await run(Housekeeping)).idempotency_keys == 1
