"""Exports and requirement uploads through the real `tesigo serve` process on PostgreSQL:
a Ukrainian GOST coursework written by the offline model, exported as PDF, DOCX and
Markdown, each file read back; the PDF cache on disk; uploads judged by their content."""

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import docx
import httpx
import pytest
from pypdf import PdfReader
from tests.e2e.processes import Served, serving, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.smtp_server import SmtpTestServer
from tests.upload_files import ELF, a_docx

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
TITLE = "Мости Карпат"
SPEC = {"title": TITLE, "topic": "Підвісні мости в Українських Карпатах",
        "kind": "coursework", "language": "uk", "target_words": 1500,
        "citation_style": "gost"}
REQUIREMENTS = ["Обсяг роботи — 30 сторінок.", "Оформлення за ДСТУ 8302:2015, шрифт 14 пт."]
REFERENCES = "Список використаних джерел"
ABOUT = "Про цей документ"


@pytest.fixture
def service(own_database: str, tmp_path: Path) -> Iterator[tuple[Served, SmtpTestServer]]:
    smtp = SmtpTestServer()
    smtp.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database,
                     SMTP_HOST=smtp.host, SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     STORAGE_DIR=str(tmp_path / "storage"), RENDER_WORKERS="2")
    for name in [key for key in env if key.startswith(("OPENAI_", "SOURCES_", "LLM_"))]:
        del env[name]  # the offline model and the offline sources
    try:
        with serving(env, tmp_path) as served:
            yield served, smtp
    finally:
        smtp.stop()


def pdf_text(data: bytes) -> tuple[str, int]:
    """The PDF's text with WeasyPrint's hyphenation and every line break undone, and its
    page count."""
    reader = PdfReader(BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\u2010\s*\n\s*", "", text)
    return " ".join(text.split()), len(reader.pages)


def squashed(text: str) -> str:
    return " ".join(text.split())


def test_exports_and_uploads(service: tuple[Served, SmtpTestServer], tmp_path: Path) -> None:
    served, smtp = service
    with httpx.Client(base_url=served.url, timeout=120) as client:
        alice = sign_in(client, smtp, "alice@example.com")
        alice_id = client.get("/api/v1/auth/me", headers=alice).json()["id"]
        exports = tmp_path / "storage" / "exports" / alice_id
        bob = sign_in(client, smtp, "bob@example.com")
        created = client.post("/api/v1/documents", json=SPEC, headers=alice)
        assert created.status_code == 201, created.text
        url = f"/api/v1/documents/{created.json()['id']}"
        outline = client.post(f"{url}/outline", headers=alice)
        assert outline.status_code == 200, outline.text
        for item in outline.json()["outline"]:
            written = client.post(f"{url}/sections/{item['index']}/generate", headers=alice)
            assert written.status_code == 200, written.text
        document = client.get(url, headers=alice).json()
        assert document["status"] == "ready" and document["bibliography"]

        def export(format: str) -> httpx.Response:
            answer = client.get(f"{url}/export", params={"format": format}, headers=alice)
            assert answer.status_code == 200, answer.text
            return answer

        pdf = export("pdf")
        assert pdf.headers["content-type"] == "application/pdf"
        disposition = pdf.headers["content-disposition"]
        assert disposition.startswith("attachment;")
        assert f"filename*=UTF-8''{quote('Мости-Карпат.pdf')}" in disposition
        text, pages = pdf_text(pdf.content)
        assert pages >= 3
        assert TITLE in text and REFERENCES in text
        assert text.rindex(ABOUT) > text.rindex(REFERENCES)  # the disclosure page is last
        assert f"Опрацьовано джерел: {len(document['sources'])}" in text
        headings = [f"{s['index']}. {s['title']}" for s in document["sections"]]
        for heading in headings:
            assert squashed(heading) in text, heading
        for entry in document["bibliography"]:
            assert squashed(entry)[:30] in text, entry
        cached = exports / document["id"] / str(document["revision"]) / "pdf"
        assert cached.is_file() and cached.read_bytes() == pdf.content
        written_at = cached.stat().st_mtime_ns
        assert export("pdf").content == pdf.content  # the second answer comes from the cache
        assert cached.stat().st_mtime_ns == written_at  # and nothing was rendered again

        word = docx.Document(BytesIO(export("docx").content))
        assert [p.text for p in word.paragraphs if p.style and p.style.name == "Heading 1"] == [
            *headings, REFERENCES, ABOUT]
        markdown = export("md").text.splitlines()
        assert [line for line in markdown if line.startswith("## ")] == [
            f"## {heading}" for heading in [*headings, REFERENCES, ABOUT]]

        renamed = client.patch(url, json={"title": "Мости Гуцульщини"}, headers=alice).json()
        assert renamed["revision"] > document["revision"]
        assert "Мости Гуцульщини" in pdf_text(export("pdf").content)[0]
        assert (exports / document["id"] / str(renamed["revision"]) / "pdf").is_file()

        upload = f"{url}/requirements"
        docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        attached = client.post(upload, headers=alice, files={
            "file": ("вимоги.docx", a_docx(REQUIREMENTS), docx_type)})
        assert attached.status_code == 200, attached.text
        assert all(line in attached.json()["requirements"] for line in REQUIREMENTS)
        executable = client.post(upload, headers=alice,
                                 files={"file": ("brief.pdf", ELF, "application/pdf")})
        assert executable.status_code == 415, executable.text
        assert executable.headers["content-type"].startswith("application/problem+json")
        assert "executable" in executable.json()["detail"]
        stranger = client.post(upload, headers=bob, files={
            "file": ("вимоги.docx", a_docx(REQUIREMENTS), docx_type)})
        assert stranger.status_code == 404
        assert client.get(f"{url}/export", params={"format": "pdf"},
                          headers=bob).status_code == 404

        assert client.delete(url, headers=alice).status_code == 204
        assert not (exports / document["id"]).exists()
