"""The pages of a document: the form that creates one, the document itself (`DocumentView`)
with its first steps (the outline, writing it all) and its downloads. The form's fields are
checked by the JSON API's own body type (`DocumentIn`) and the domain, so the rules stand in
one place."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect

from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.delete_document import DeleteDocument
from application.exports.attach_requirements import AttachRequirements
from application.exports.export_document import ExportDocument
from application.generation.generate_outline import GenerateOutline
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, Kind
from domain.errors import DomainError, InvalidInput
from domain.ids import DocumentId, JobId
from domain.manuscripts import ExportFormat
from domain.uploads import MAX_UPLOAD_BYTES
from entrypoints.http.controllers.exports import MULTIPART_OVERHEAD, file_response
from entrypoints.http.document_schemas import DocumentIn
from entrypoints.http.errors import status_of
from entrypoints.http.request_body import refusal
from entrypoints.http.validation import violations
from entrypoints.web.document_view import DocumentView
from entrypoints.web.flow import attempt, page, signed_in
from entrypoints.web.session import WebSession

LANGUAGES = {"en": "English", "uk": "Українська", "ru": "Русский", "it": "Italiano",
             "de": "Deutsch", "fr": "Français", "es": "Español", "pl": "Polski",
             "pt": "Português"}
FormFields = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
_FIELDS = ("title", "topic", "kind", "language", "target_words", "citation_style",
           "instructions")


def _choices() -> dict[str, Any]:
    return {"kinds": [k.value for k in Kind], "styles": [s.value for s in CitationStyle],
            "languages": LANGUAGES}


def _form(session: WebSession, values: dict[str, str], errors: dict[str, str],
          status_code: int = 200) -> Response[Any]:
    return session.keep(page(session, "new_document.html.j2", status_code, values=values,
                             errors=errors, **_choices()))


def _spec_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {name: values.get(name, "").strip() for name in _FIELDS}
    if not body["instructions"]:
        body.pop("instructions")
    return body


class DocumentPagesController(Controller):
    path = "/documents"
    include_in_schema = False

    @get("/new")
    async def new(self, session: FromDishka[WebSession]) -> Response[Any]:
        signed_in(session)
        return _form(session, {"kind": "essay", "language": "en", "target_words": "3000",
                               "citation_style": "apa"}, {})

    @post("/new", request_max_body_size=MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD)
    async def create(self, request: Request[Any, Any, Any], session: FromDishka[WebSession],
                     create: FromDishka[CreateDocument], attach: FromDishka[AttachRequirements],
                     delete: FromDishka[DeleteDocument]) -> Response[Any]:
        """The document, with its requirements file when one is chosen: both or neither (a
        file that cannot be read takes the new document back and the form says why)."""
        user = signed_in(session)
        form = await request.form()
        values = {name: str(form.get(name, "")) for name in _FIELDS}
        try:
            spec = msgspec.convert(_spec_body(values), DocumentIn, strict=False).to_spec()
            document = await create(CreateDocumentRequest(owner=user.id, spec=spec))
        except msgspec.ValidationError as error:
            found = violations(refusal(error))
            return _form(session, values, {str(v["field"]): str(v["message"]) for v in found},
                         422)
        except InvalidInput as error:
            return _form(session, values, {error.field or "title": error.message}, 422)
        upload = form.get("requirements")
        content = await upload.read() if isinstance(upload, UploadFile) else b""
        if content:
            try:
                await attach(user.id, document.id, content)
            except DomainError as error:
                await delete(user.id, document.id)
                return _form(session, values, {"requirements": error.message},
                             status_of(error))
        return session.keep(Redirect(f"/documents/{document.id}"))

    @get("/{document_id:uuid}")
    async def document(self, document_id: FromPath[UUID], session: FromDishka[WebSession],
                       view: FromDishka[DocumentView],
                       job: FromQuery[UUID | None] = None) -> Response[Any]:
        signed_in(session)
        return session.keep(await view.page(session, DocumentId(document_id),
                                            None if job is None else JobId(job)))

    @post("/{document_id:uuid}/outline")
    async def write_outline(self, document_id: FromPath[UUID], session: FromDishka[WebSession],
                            outline: FromDishka[GenerateOutline],
                            view: FromDishka[DocumentView]) -> Response[Any]:
        return await view.after(session, DocumentId(document_id),
                                lambda user: outline(user.id, DocumentId(document_id)))

    @post("/{document_id:uuid}/generate")
    async def write_all(self, document_id: FromPath[UUID], session: FromDishka[WebSession],
                        start: FromDishka[StartGeneration],
                        view: FromDishka[DocumentView]) -> Response[Any]:
        return await attempt(session, lambda user: start(user.id, DocumentId(document_id)),
                             then=lambda job: f"/documents/{document_id}?job={job.id}",
                             again=lambda error: view.page(session, DocumentId(document_id),
                                                           error=error))

    @get("/{document_id:uuid}/download")
    async def download(self, document_id: FromPath[UUID], format: FromQuery[ExportFormat],
                       session: FromDishka[WebSession],
                       export: FromDishka[ExportDocument]) -> Response[Any]:
        user = signed_in(session)
        return session.keep(file_response(await export(user.id, DocumentId(document_id),
                                                       format)))


