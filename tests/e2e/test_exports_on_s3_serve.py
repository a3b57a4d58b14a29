"""The real `tesigo serve` process with STORAGE_URL on moto's S3 server: rendered files land
in the bucket under the prefix, nothing under STORAGE_DIR, and go with their document."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.s3_server import MotoS3
from tests.smtp_server import SmtpTestServer
from tests.upload_files import a_docx

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SPEC = {"title": "Bridges of the Carpathians", "topic": "Suspension bridges in the Carpathians",
        "kind": "essay", "language": "en", "target_words": 600, "citation_style": "apa"}


@pytest.fixture
def service(own_database: str, tmp_path: Path, s3_server: MotoS3,
            ) -> Iterator[tuple[Served, SmtpTestServer, str]]:
    bucket = s3_server.new_bucket()
    smtp = SmtpTestServer()
    smtp.start()
    storage = {name.upper(): str(value).lower() if isinstance(value, bool) else str(value)
               for name, value in s3_server.settings(bucket, "prod").items()}
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     STORAGE_DIR=str(tmp_path / "storage"), RENDER_WORKERS="1", **storage)
    for name in [key for key in env if key.startswith(("OPENAI_", "SOURCES_", "LLM_"))]:
        del env[name]  # the offline model and the offline sources
    try:
        assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
        served = Served(env, tmp_path)
        try:
            served.wait_until_healthy(timeout_s=90)  # a busy machine starts it slowly
            yield served, smtp, bucket
        finally:
            served.stop()
    finally:
        smtp.stop()


def test_exports_live_in_the_bucket(service: tuple[Served, SmtpTestServer, str],
                                    s3_server: MotoS3, tmp_path: Path) -> None:
    served, smtp, bucket = service
    with httpx.Client(base_url=served.url, timeout=120) as client:
        alice = sign_in(client, smtp, "alice@example.com")
        owner = client.get("/api/v1/auth/me", headers=alice).json()["id"]
        created = client.post("/api/v1/documents", json=SPEC, headers=alice)
        assert created.status_code == 201, created.text
        url = f"/api/v1/documents/{created.json()['id']}"
        assert client.post(f"{url}/outline", headers=alice).status_code == 200
        written = client.post(f"{url}/sections/1/generate", headers=alice)
        assert written.status_code == 200, written.text
        revision = client.get(url, headers=alice).json()["revision"]

        pdf = client.get(f"{url}/export", params={"format": "pdf"}, headers=alice)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
        key = f"prod/exports/{owner}/{created.json()['id']}/{revision}/pdf"
        assert s3_server.object_keys(bucket) == [key]
        assert s3_server.client().get_object(Bucket=bucket, Key=key)["Body"].read() == (
            pdf.content)
        assert not (tmp_path / "storage").exists()  # nothing in the local directory

        attached = client.post(f"{url}/requirements", headers=alice, files={
            "file": ("brief.docx", a_docx(["Length: 600 words."]), "application/octet-stream")})
        assert attached.status_code == 200, attached.text

        assert client.delete(url, headers=alice).status_code == 204
        assert s3_server.object_keys(bucket) == []
