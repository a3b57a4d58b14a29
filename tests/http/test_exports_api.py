"""Exports and requirement uploads over HTTP (in-memory container; real renderers and
extraction, run inline)."""

from urllib.parse import unquote

import pytest
from tests.upload_files import a_docx, a_docx_zip_bomb, a_pdf, a_zip

SPEC = {"title": "Мости Києва", "topic": "Bridges of Kyiv", "kind": "coursework",
        "language": "uk", "target_words": 1500, "citation_style": "gost"}


async def a_written_document(client, headers) -> str:
    created = await client.post("/api/v1/documents", json=SPEC, headers=headers)
    document_id = created.json()["id"]
    assert (await client.post(f"/api/v1/documents/{document_id}/outline",
                              headers=headers)).status_code == 200
    section = await client.post(f"/api/v1/documents/{document_id}/sections/1/generate",
                                headers=headers)
    assert section.status_code == 200, section.text
    return document_id


async def upload(client, headers, document_id, content: bytes, name="brief.pdf",
                 content_type="application/pdf"):
    return await client.post(f"/api/v1/documents/{document_id}/requirements",
                             files={"file": (name, content, content_type)}, headers=headers)


async def test_export_answers_an_attachment_in_each_format(client, api) -> None:
    headers = await api.headers()
    document_id = await a_written_document(client, headers)
    expected = {"md": ("text/markdown; charset=utf-8", b"# "), "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        "pdf": ("application/pdf", b"%PDF-")}
    for format, (content_type, magic) in expected.items():
        response = await client.get(f"/api/v1/documents/{document_id}/export",
                                    params={"format": format}, headers=headers)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == content_type  # one charset, not two
        assert response.content.startswith(magic)
        disposition = response.headers["content-disposition"]
        # the ASCII name, for clients that ignore filename*, is the title transliterated
        assert disposition.startswith(f'attachment; filename="Mosty-Kyieva.{format}";')
        assert unquote(disposition.split("filename*=UTF-8''")[1]) == f"Мости-Києва.{format}"


async def test_export_refusals(client, api) -> None:
    ada, bob = await api.headers(), await api.headers("bob@example.com")
    document_id = await a_written_document(client, ada)
    url = f"/api/v1/documents/{document_id}/export"
    assert (await client.get(url, params={"format": "pdf"}, headers=bob)).status_code == 404
    assert (await client.get(url, params={"format": "odt"}, headers=ada)).status_code == 422
    assert (await client.get(url, headers=ada)).status_code == 422
    empty = (await client.post("/api/v1/documents", json=SPEC, headers=ada)).json()["id"]
    refused = await client.get(f"/api/v1/documents/{empty}/export", params={"format": "md"},
                               headers=ada)
    assert refused.status_code == 409 and "no written sections" in refused.json()["detail"]


async def test_requirements_from_text_docx_and_pdf(client, api) -> None:
    headers = await api.headers()
    document_id = await a_written_document(client, headers)
    files = [(b"Volume: 20 pages.\nStyle: GOST.", "brief.txt", "text/plain"),
             (a_docx(["Обсяг: 20 сторінок.", "Стиль: ДСТУ 8302."]), "brief.docx",
              "application/octet-stream"),
             (a_pdf("Обсяг: 20 сторінок. Стиль: ДСТУ 8302."), "brief.bin", "text/plain")]
    for content, name, content_type in files:
        response = await upload(client, headers, document_id, content, name, content_type)
        assert response.status_code == 200, response.text
        assert "20" in response.json()["requirements"]
    assert "ДСТУ 8302" in response.json()["requirements"]


@pytest.mark.parametrize(("content", "status"), [
    (b"MZ\x90\x00\x03" + bytes(4000), 415),
    (b"\x7fELF\x02\x01\x01" + bytes(4000), 415),
    (a_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>",
            "../evil.xml": b"x"}), 422),
    (a_docx_zip_bomb(), 422),
    (b"x" * (10 * 1024 * 1024 + 1), 413),
])
async def test_refused_uploads_say_what_was_wrong(client, api, content, status) -> None:
    headers = await api.headers()
    document_id = await a_written_document(client, headers)
    response = await upload(client, headers, document_id, content)
    assert response.status_code == status, response.text
    assert response.json()["detail"]
    document = (await client.get(f"/api/v1/documents/{document_id}", headers=headers)).json()
    assert document["requirements"] is None


async def test_another_users_document_is_404_and_a_missing_file_422(client, api) -> None:
    ada, bob = await api.headers(), await api.headers("bob@example.com")
    document_id = await a_written_document(client, ada)
    assert (await upload(client, bob, document_id, b"text")).status_code == 404
    missing = await client.post(f"/api/v1/documents/{document_id}/requirements",
                                files={"other": ("a.txt", b"text", "text/plain")}, headers=ada)
    assert missing.status_code == 422 and "file" in missing.json()["detail"]


async def test_a_body_far_over_the_limit_is_cut_off_with_413(client, api) -> None:
    headers = await api.headers()
    document_id = await a_written_document(client, headers)
    response = await upload(client, headers, document_id, b"x" * (11 * 1024 * 1024))
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
