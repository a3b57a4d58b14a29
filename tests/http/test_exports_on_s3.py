"""Exports and requirement uploads through the app with the blob store the settings choose:
STORAGE_URL names a bucket on moto's S3 server, so rendered files are stored in and served
from S3 (the in-memory container serves every other port)."""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from dishka import Provider, Scope, provide
from litestar.testing import AsyncTestClient
from tests.http.conftest import Api
from tests.http.test_exports_api import a_written_document, upload
from tests.memory_container import Fakes, InMemoryProvider, settings_for
from tests.s3_server import MotoS3
from tests.upload_files import a_docx

from domain.manuscripts import ExportFormat
from domain.ports.exports import BlobStore
from entrypoints.config import Settings
from entrypoints.http.app import create_app
from entrypoints.ioc import make_container
from entrypoints.wiring.blobs import blob_store

PREFIX = "tesigo/files"


class ChosenBlobStore(Provider):
    """The blob store as the service wires it from its settings, over the in-memory one."""

    @provide(scope=Scope.APP)
    def blobs(self, settings: Settings) -> BlobStore:
        return blob_store(settings)


@pytest.fixture
def bucket(s3_server: MotoS3) -> str:
    return s3_server.new_bucket()


@pytest.fixture
def settings(s3_server: MotoS3, bucket: str) -> Settings:
    return settings_for(**s3_server.settings(bucket, PREFIX))


@pytest.fixture
async def client(fakes: Fakes, settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    container = make_container(settings, InMemoryProvider(fakes), ChosenBlobStore())
    async with AsyncTestClient(app=create_app(container, settings),
                               base_url="http://testserver.local") as client:
        yield client
    await container.close()


async def test_an_export_is_stored_in_and_served_from_s3(client, api: Api, fakes: Fakes,
                                                         s3_server: MotoS3, bucket: str) -> None:
    headers = await api.headers()
    owner = (await client.get("/api/v1/auth/me", headers=headers)).json()["id"]
    document_id = await a_written_document(client, headers)
    url = f"/api/v1/documents/{document_id}"
    revision = (await client.get(url, headers=headers)).json()["revision"]

    pdf = await client.get(f"{url}/export", params={"format": "pdf"}, headers=headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    key = f"{PREFIX}/exports/{owner}/{document_id}/{revision}/pdf"
    assert s3_server.object_keys(bucket) == [key]
    stored = s3_server.client().get_object(Bucket=bucket, Key=key)["Body"].read()
    assert stored == pdf.content
    assert not fakes.blobs.blobs  # nothing went to the in-memory store

    s3_server.client().put_object(Bucket=bucket, Key=key, Body=b"%PDF-1.7 from the bucket")
    again = await client.get(f"{url}/export", params={"format": "pdf"}, headers=headers)
    assert again.content == b"%PDF-1.7 from the bucket"  # served from S3, not rendered again
    assert [format for format, _ in fakes.renderer.renders].count(ExportFormat.PDF) == 1

    renamed = await client.patch(url, json={"title": "Мости Львова"}, headers=headers)
    newer = renamed.json()["revision"]
    docx = await client.get(f"{url}/export", params={"format": "docx"}, headers=headers)
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert s3_server.object_keys(bucket) == [  # the older revision's files are gone
        f"{PREFIX}/exports/{owner}/{document_id}/{newer}/docx"]

    assert (await client.delete(url, headers=headers)).status_code == 204
    assert s3_server.object_keys(bucket) == []


async def test_requirements_uploads_work_the_same(client, api: Api) -> None:
    headers = await api.headers()
    document_id = await a_written_document(client, headers)
    attached = await upload(client, headers, document_id,
                            a_docx(["Обсяг: 20 сторінок.", "Стиль: ДСТУ 8302."]), "brief.docx",
                            "application/octet-stream")
    assert attached.status_code == 200, attached.text
    assert "ДСТУ 8302" in attached.json()["requirements"]
    refused = await upload(client, headers, document_id, b"\x7fELF\x02\x01\x01" + bytes(4000))
    assert refused.status_code == 415


async def test_another_users_export_is_404_and_writes_nothing(client, api: Api,
                                                              s3_server: MotoS3,
                                                              bucket: str) -> None:
    ada, bob = await api.headers(), await api.headers("bob@example.com")
    document_id = await a_written_document(client, ada)
    answer = await client.get(f"/api/v1/documents/{document_id}/export",
                              params={"format": "md"}, headers=bob)
    assert answer.status_code == 404
    assert s3_server.object_keys(bucket) == []
