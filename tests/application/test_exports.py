"""Exports and requirement uploads over the in-memory adapters (the renderer is the real
one, run inline)."""

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.memory_container import Fakes

from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.delete_document import DeleteDocument
from application.documents.update_document import UpdateDocument, UpdateDocumentRequest
from application.exports.attach_requirements import AttachRequirements
from application.exports.export_document import ExportDocument
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import InvalidTransition, NotFound
from domain.languages import Language
from domain.manuscripts import ExportFormat
from domain.uploads import FileTooLarge, UnsupportedFileType


@pytest.fixture
def model() -> ScriptedLanguageModel:
    return ScriptedLanguageModel()


@pytest.fixture
def fakes(model) -> Fakes:
    return Fakes(model=model)


async def a_written_document(run, fakes, model, style=CitationStyle.APA, email="ada@example.com"):
    user = await run(Authenticate, (await sign_in(run, fakes, email)).access_token)
    spec = DocumentSpec(title="Bridges of Kyiv", topic="Bridges", kind=Kind.ESSAY,
                        language=Language("en"), target_words=1500, citation_style=style)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=spec))
    await run(GenerateOutline, user.id, document.id)
    model.texts.append("Cables carry the deck [1][2].\n\n## Towers\n\nTowers stand [2].")
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=1))
    return user, fakes.db.tables["documents"][document.id]


async def test_markdown_prints_citations_in_the_style_and_the_bibliography(run, fakes,
                                                                           model) -> None:
    user, document = await a_written_document(run, fakes, model)
    file = await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    text = file.data.decode()
    assert file.filename == "Bridges-of-Kyiv.md"
    assert file.content_type.startswith("text/markdown")
    assert "# Bridges of Kyiv" in text and "## 1. Introduction" in text
    assert "### Towers" in text and "[1]" not in text and "[2]" not in text
    first, second = document.sources[0], document.sources[1]
    assert f"{first.authors[0].split()[-1]}" in text and str(first.year) in text
    for entry in document.bibliography:
        assert entry in text
    assert second.title in text


async def test_numeric_styles_keep_the_sources_numbers(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model, style=CitationStyle.GOST)
    text = (await run(ExportDocument, user.id, document.id, ExportFormat.MD)).data.decode()
    assert "Cables carry the deck [1, 2]." in text and "Towers stand [2]." in text


async def test_a_revision_is_rendered_once_and_a_change_renders_again(run, fakes,
                                                                      model) -> None:
    user, document = await a_written_document(run, fakes, model)
    first = await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    again = await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    assert first == again and len(fakes.renderer.renders) == 1
    await run(UpdateDocument, UpdateDocumentRequest(owner=user.id, id=document.id,
                                                    changes={"title": "Bridges of Lviv"}))
    changed = await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    assert "# Bridges of Lviv" in changed.data.decode() and len(fakes.renderer.renders) == 2


async def test_nothing_written_nothing_to_export_and_others_get_not_found(run, fakes,
                                                                          model) -> None:
    user, document = await a_written_document(run, fakes, model)
    other = await run(Authenticate, (await sign_in(run, fakes, "bob@example.com")).access_token)
    with pytest.raises(NotFound):
        await run(ExportDocument, other.id, document.id, ExportFormat.PDF)
    spec = document.spec
    empty = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=spec))
    with pytest.raises(InvalidTransition):
        await run(ExportDocument, user.id, empty.id, ExportFormat.DOCX)
    assert not fakes.renderer.renders


async def test_deleting_a_document_deletes_its_files(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    assert fakes.blobs.blobs
    await run(DeleteDocument, user.id, document.id)
    assert not fakes.blobs.blobs


async def test_uploaded_requirements_reach_the_prompts(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    text = "Вимоги:\r\n\r\n\r\n  Обсяг —  20 сторінок.\x0c\nСтиль ДСТУ.\n".encode()
    updated = await run(AttachRequirements, user.id, document.id, text)
    assert updated.requirements == "Вимоги:\n\nОбсяг — 20 сторінок.\nСтиль ДСТУ."
    assert updated.revision == document.revision + 1
    model.texts.append("More [1].")
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=2))
    assert "Обсяг — 20 сторінок." in model.prompts[-1].user


async def test_uploads_are_checked_before_anything_is_stored(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    other = await run(Authenticate, (await sign_in(run, fakes, "bob@example.com")).access_token)
    with pytest.raises(NotFound):
        await run(AttachRequirements, other.id, document.id, b"plain text")
    with pytest.raises(UnsupportedFileType):
        await run(AttachRequirements, user.id, document.id, b"MZ\x90\x00" + bytes(200))
    with pytest.raises(FileTooLarge):
        await run(AttachRequirements, user.id, document.id, b"a" * (10 * 1024 * 1024 + 1))
    assert fakes.db.tables["documents"][document.id].requirements is None


async def test_erasing_the_account_deletes_its_exported_files(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    await run(ExportDocument, user.id, document.id, ExportFormat.DOCX)
    assert fakes.blobs.blobs
    await run(DeleteAccount, user.id)
    assert not fakes.blobs.blobs


async def test_a_newer_revision_removes_the_files_of_older_ones(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    await run(ExportDocument, user.id, document.id, ExportFormat.DOCX)
    await run(UpdateDocument, UpdateDocumentRequest(owner=user.id, id=document.id,
                                                    changes={"title": "Bridges of Lviv"}))
    await run(ExportDocument, user.id, document.id, ExportFormat.MD)
    newest = f"exports/{user.id}/{document.id}/{document.revision + 1}/md"
    assert list(fakes.blobs.blobs) == [newest]
