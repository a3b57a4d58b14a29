"""ReadOwnDocument answers as Authenticate followed by GetDocument does, in one read."""

from dataclasses import replace

import pytest
from tests.application.sign_in_steps import sign_in

from adapters.memory.database import USERS
from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.auth.logout_all import LogoutAll, LogoutAllRequest
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.documents.read_own_document import ReadOwnDocument
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import NotAuthenticated, NotFound
from domain.ids import DocumentId
from domain.languages import Language

SPEC = DocumentSpec(title="Bridges", topic="Suspension bridges", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)
MISSING = DocumentId("00000000-0000-4000-8000-000000000000")  # type: ignore[arg-type]


async def a_writer(run, fakes, email):  # type: ignore[no-untyped-def]
    pair = await sign_in(run, fakes, email)
    user = await run(Authenticate, pair.access_token)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    return user, pair.access_token, document


async def test_the_owner_reads_what_get_document_reads(run, fakes) -> None:
    ada, token, document = await a_writer(run, fakes, "ada@example.com")

    assert await run(ReadOwnDocument, token, document.id) == document
    assert await run(GetDocument, ada.id, document.id) == document


async def test_another_users_document_and_a_missing_one_are_not_found(run, fakes) -> None:
    _, ada_token, _ = await a_writer(run, fakes, "ada@example.com")
    _, _, bobs = await a_writer(run, fakes, "bob@example.com")

    for id in (bobs.id, MISSING):
        with pytest.raises(NotFound):
            await run(ReadOwnDocument, ada_token, id)


@pytest.mark.parametrize("ending", ["logout_all", "blocked", "erased", "expired", "forged"])
async def test_a_caller_authenticate_refuses_is_refused_before_the_document_counts(
        run, fakes, ending) -> None:
    ada, token, document = await a_writer(run, fakes, "ada@example.com")
    match ending:
        case "logout_all":
            await run(LogoutAll, LogoutAllRequest(user_id=ada.id))
        case "blocked":  # blocked without the token version bump BlockUser also makes
            fakes.db.tables[USERS][ada.id] = replace(ada, blocked=True)
        case "erased":
            await run(DeleteAccount, ada.id)
        case "expired":
            fakes.clock.advance(days=1)
        case "forged":
            token = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")

    for id in (document.id, MISSING):
        with pytest.raises(NotAuthenticated):
            await run(Authenticate, token)
        with pytest.raises(NotAuthenticated):
            await run(ReadOwnDocument, token, id)
