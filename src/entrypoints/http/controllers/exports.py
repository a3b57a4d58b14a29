from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.status_codes import HTTP_200_OK

from application.exports.attach_requirements import AttachRequirements
from application.exports.export_document import ExportDocument, ExportFile
from domain.ids import DocumentId
from domain.manuscripts import ExportFormat
from domain.source_selection import SourceSelection
from domain.uploads import MAX_UPLOAD_BYTES
from entrypoints.http.document_schemas import DocumentOut
from entrypoints.http.identity import CurrentUser

MULTIPART_OVERHEAD = 64 * 1024


@dataclass
class RequirementsUpload:
    file: UploadFile


def attachment(filename: str, ascii_name: str) -> str:
    """A Content-Disposition naming the file for every client: an ASCII fallback and the
    UTF-8 name (RFC 6266)."""
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def file_response(file: ExportFile) -> Response[bytes]:
    """An exported file as an attachment that no cache keeps. Content-Type also as a header,
    which Litestar keeps as it is: from `media_type` alone it appends a second charset to a
    text/* type that already names one."""
    return Response(file.data, media_type=file.content_type,
                    headers={"Content-Type": file.content_type,
                             "Content-Disposition": attachment(file.filename,
                                                               file.ascii_filename),
                             "Cache-Control": "private, no-store"})


class ExportsController(Controller):
    path = "/api/v1/documents"
    tags = ["exports"]

    @get("/{document_id:uuid}/export",
         description="The document as a file: PDF, DOCX or Markdown; or its bibliography as "
                     "BibTeX, RIS or CSL-JSON: the cited sources, or every source with "
                     "`sources=all` (PDF, DOCX and Markdown ignore `sources`). 409 until a "
                     "section is written, but for a bibliography of every source.")
    async def export(self, document_id: FromPath[UUID], format: FromQuery[ExportFormat],
                     user: FromDishka[CurrentUser], export: FromDishka[ExportDocument],
                     sources: FromQuery[SourceSelection] = SourceSelection.CITED,
                     ) -> Response[bytes]:
        return file_response(await export(user.id, DocumentId(document_id), format, sources))

    @post("/{document_id:uuid}/requirements", status_code=HTTP_200_OK,
          request_max_body_size=MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD,
          description="Multipart field `file`: PDF, DOCX or plain text up to 10 MB, its type "
                      "read from the content. The text becomes the document's requirements.")
    async def requirements(
        self, document_id: FromPath[UUID],
        data: Annotated[RequirementsUpload, Body(media_type=RequestEncodingType.MULTI_PART)],
        user: FromDishka[CurrentUser], attach: FromDishka[AttachRequirements],
    ) -> DocumentOut:
        content = await data.file.read()  # the body limit bounds it; the use case checks it
        return DocumentOut.of(await attach(user.id, DocumentId(document_id), content))
