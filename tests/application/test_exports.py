"""Exports and requirement uploads over the in-memory adapters (the renderer is the real
one, run inline)."""

import re
from dataclasses import replace

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
from domain.documents import CitationStyle, Claim, DocumentSpec, Kind, Verdict
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
    unescaped = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes `_` in DOIs and the like
    for entry in document.bibliography:
        assert entry in unescaped
    assert second.title in unescaped


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


def with_sections(fakes, document, **changes) -> None:
    """The stored document with its sections changed as a writer would have left them."""
    sections = tuple(replace(section, **changes) for section in document.sections)
    fakes.db.tables["documents"][document.id] = replace(
        document, sections=sections, revision=document.revision + 1)


async def test_the_export_ends_with_its_models_sources_and_check_figures(run, fakes,
                                                                         model) -> None:
    user, document = await a_written_document(run, fakes, model)
    with_sections(fakes, document, model="gpt-4o-mini", claims=(
        Claim(sentence="Cables carry the deck.", n=1, verdict=Verdict.SUPPORTED,
              evidence="cables carry the deck"),
        Claim(sentence="Cables carry the deck.", n=2, verdict=Verdict.UNSUPPORTED),
        Claim(sentence="Towers stand.", n=2, verdict=Verdict.UNVERIFIED)))
    text = (await run(ExportDocument, user.id, document.id, ExportFormat.MD)).data.decode()
    about = text[text.index("## About this document"):]
    assert about.split("\n\n")[1].splitlines() == [
        "- Language model: gpt-4o-mini", f"- Sources consulted: {len(document.sources)}",
        "- Sources cited: 2", "- Citations checked: 3", "- Supported by the abstract: 1",
        "- Unsupported (marker removed): 1", "- Unverified: 1"]
    assert "drafted with AI assistance" in about and "quoted verbatim" in about
    assert text.index("## References") < text.index("## About this document")


async def test_an_unchecked_offline_draft_says_so_in_its_language(run, fakes, model) -> None:
    user, document = await a_written_document(run, fakes, model)
    fakes.db.tables["documents"][document.id] = replace(
        document, spec=replace(document.spec, language=Language("uk")))
    with_sections(fakes, fakes.db.tables["documents"][document.id], model="offline",
                  claims=())
    text = (await run(ExportDocument, user.id, document.id, ExportFormat.MD)).data.decode()
    about = text[text.index("## Про цей документ"):]
    assert "- Мовна модель: офлайн (без мовної моделі)" in about
    assert "Перевірено посилань" not in about and ": 0" not in about
    assert "Цей текст — офлайн-чернетка, заглушка" in about
    assert "Посилання не перевірено за джерелами" in about
