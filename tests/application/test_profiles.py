"""The profile (a display name) and where it goes: the title page of new documents and the
author of exports, over the in-memory adapters."""

import pytest
from tests.application.admin_steps import audited
from tests.application.sign_in_steps import sign_in
from tests.application.test_exports import a_written_document
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes

from adapters.memory.database import USERS
from application.auth.authenticate import Authenticate
from application.auth.export_my_data import ExportMyData
from application.auth.update_profile import UpdateProfile, UpdateProfileRequest
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.update_document import UpdateDocument, UpdateDocumentRequest
from application.exports.export_document import ExportDocument, ExportFile
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import InvalidInput
from domain.languages import Language
from domain.manuscripts import ExportFormat
from domain.title_page import TitlePage

SPEC = DocumentSpec(title="Bridges", topic="Suspension bridges", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)


@pytest.fixture
def model() -> ScriptedLanguageModel:
    return ScriptedLanguageModel()


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


async def signed_in(run, fakes, email="ada@example.com"):
    return await run(Authenticate, (await sign_in(run, fakes, email)).access_token)


async def rename(run, user, name, ip="203.0.113.7"):
    return await run(UpdateProfile, UpdateProfileRequest(user_id=user.id, display_name=name,
                                                         ip=ip))


async def test_a_new_name_is_stored_audited_and_part_of_the_personal_data(run, fakes) -> None:
    user = await signed_in(run, fakes)
    renamed = await rename(run, user, "  Ada   Lovelace ")
    assert renamed.display_name == "Ada Lovelace"
    assert fakes.db.tables[USERS][user.id].display_name == "Ada Lovelace"
    assert (await run(ExportMyData, user.id)).user.display_name == "Ada Lovelace"
    [entry] = audited(fakes, "account.profile_updated")
    assert (entry.actor_id, entry.target, entry.ip) == (user.id, str(user.id), "203.0.113.7")
    assert renamed.email == user.email and renamed.token_version == user.token_version


async def test_a_blank_name_clears_it_and_the_same_name_changes_nothing(run, fakes) -> None:
    user = await signed_in(run, fakes)
    await rename(run, user, "Ada")
    again = await rename(run, user, " Ada ")
    assert again.display_name == "Ada"
    assert len(audited(fakes, "account.profile_updated")) == 1
    cleared = await rename(run, user, "   ")
    assert cleared.display_name is None
    assert fakes.db.tables[USERS][user.id].display_name is None
    assert len(audited(fakes, "account.profile_updated")) == 2


async def test_a_bad_name_is_refused_and_nothing_changes(run, fakes) -> None:
    user = await signed_in(run, fakes)
    await rename(run, user, "Ada")
    for bad in ("x" * 101, "Ada\x00"):
        with pytest.raises(InvalidInput) as error:
            await rename(run, user, bad)
        assert error.value.field == "display_name"
    assert fakes.db.tables[USERS][user.id].display_name == "Ada"
    assert len(audited(fakes, "account.profile_updated")) == 1


async def test_a_new_documents_title_page_names_the_profile_as_author(run, fakes) -> None:
    user = await signed_in(run, fakes)
    plain = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    assert plain.spec.title_page == TitlePage()
    await rename(run, user, "Ada Lovelace")
    named = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    assert named.spec.title_page == TitlePage(author="Ada Lovelace")
    own = SPEC.with_changes({"title_page": TitlePage(author="A. A. Lovelace", city="London")})
    chosen = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=own))
    assert chosen.spec.title_page == TitlePage(author="A. A. Lovelace", city="London")


async def test_a_partial_title_page_change_keeps_the_other_fields(run, fakes) -> None:
    user = await signed_in(run, fakes)
    spec = SPEC.with_changes({"title_page": TitlePage(institution="KNU", city="Lviv")})
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=spec))
    changed = await run(UpdateDocument, UpdateDocumentRequest(
        owner=user.id, id=document.id, changes={"title_page": {"city": "Kyiv"}}))
    assert changed.spec.title_page == TitlePage(institution="KNU", city="Kyiv")
    assert changed.revision == document.revision + 1


def byline(file: ExportFile) -> str:
    return file.data.decode().split("\n\n")[1]


async def test_the_export_names_the_page_author_else_the_profile_else_the_email(
        run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    assert "Author: ada@example.com" in byline(
        await run(ExportDocument, user.id, document.id, ExportFormat.MD))
    await rename(run, user, "Ada Lovelace")  # the same revision: the file is rendered again
    assert "Author: Ada Lovelace" in byline(
        await run(ExportDocument, user.id, document.id, ExportFormat.MD))
    assert len(fakes.renderer.renders) == 2
    await rename(run, user, "Ada Lovelace")  # no change: the file stays
    await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    assert len(fakes.renderer.renders) == 2
    await run(UpdateDocument, UpdateDocumentRequest(owner=user.id, id=document.id, changes={
        "title_page": {"author": "A. A. Lovelace", "supervisor": "C. Babbage",
                       "city": "London", "year": 2024}}))
    text = byline(await run(ExportDocument, user.id, document.id, ExportFormat.MD))
    assert text == ("Essay · Author: A. A. Lovelace · Supervisor: C. Babbage · "
                    "London, 2024")
    assert "ada@example.com" not in text
