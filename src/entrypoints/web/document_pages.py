"""The pages of a document: the form that creates one, and the document itself (its
outline, sections, sources) with its downloads. The form's fields are checked by the JSON
API's own body type (`DocumentIn`) and the domain, so the rules stand in one place."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template

from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.exports.export_document import ExportDocument
from application.generation.estimate import EstimateGeneration
from application.generation.generate_outline import GenerateOutline
from application.jobs.get_job import GetJob
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, Kind
from domain.errors import DomainError, InvalidInput, NotFound
from domain.ids import DocumentId, JobId
from domain.manuscripts import ExportFormat
from entrypoints.http.controllers.exports import file_response
from entrypoints.http.document_schemas import DocumentIn
from entrypoints.http.errors import status_of
from entrypoints.http.request_body import refusal
from entrypoints.http.validation import violations
from entrypoints.web.session import WebSession

LANGUAGES = {"en": "English", "uk": "Українська", "ru": "Русский", "it": "Italiano",
             "de": "Deutsch", "fr": "Français", "es": "Español", "pl": "Polski",
             "pt": "Português"}
DOWNLOADS = {"Download PDF": ExportFormat.PDF, "Download DOCX": ExportFormat.DOCX,
             "Download Markdown": ExportFormat.MD, "Download BibTeX": ExportFormat.BIBTEX,
             "Download RIS": ExportFormat.RIS}
FormFields = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
_FIELDS = ("title", "topic", "kind", "language", "target_words", "citation_style",
           "instructions")


def _choices() -> dict[str, Any]:
    return {"kinds": [k.value for k in Kind], "styles": [s.value for s in CitationStyle],
            "languages": LANGUAGES}


def _form(session: WebSession, values: dict[str, str], errors: dict[str, str],
          status_code: int = 200) -> Response[Any]:
    return session.keep(Template("new_document.html.j2", status_code=status_code, context={
        "user": session.user, "values": values, "errors": errors, **_choices()}))


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
        if session.user is None:
            return Redirect("/")
        return _form(session, {"kind": "essay", "language": "en", "target_words": "3000",
                               "citation_style": "apa"}, {})

    @post("/new")
    async def create(self, data: FormFields, session: FromDishka[WebSession],
                     create: FromDishka[CreateDocument]) -> Response[Any]:
        if session.user is None:
            return Redirect("/")
        values = {name: data.get(name, "") for name in _FIELDS}
        try:
            spec = msgspec.convert(_spec_body(values), DocumentIn, strict=False).to_spec()
            document = await create(CreateDocumentRequest(owner=session.user.id, spec=spec))
        except msgspec.ValidationError as error:
            found = violations(refusal(error))
            return _form(session, values, {str(v["field"]): str(v["message"]) for v in found},
                         422)
        except InvalidInput as error:
            return _form(session, values, {error.field or "title": error.message}, 422)
        return session.keep(Redirect(f"/documents/{document.id}"))

    @get("/{document_id:uuid}")
    async def document(self, document_id: FromPath[UUID], session: FromDishka[WebSession],
                       view: FromDishka[DocumentView],
                       job: FromQuery[UUID | None] = None) -> Response[Any]:
        if session.user is None:
            return Redirect("/")
        return session.keep(await view.page(session, DocumentId(document_id),
                                            None if job is None else JobId(job)))

    @post("/{document_id:uuid}/outline")
    async def write_outline(self, document_id: FromPath[UUID], session: FromDishka[WebSession],
                            outline: FromDishka[GenerateOutline],
                            view: FromDishka[DocumentView]) -> Response[Any]:
        if session.user is None:
            return Redirect("/")
        try:
            await outline(session.user.id, DocumentId(document_id))
        except DomainError as error:
            return session.keep(await view.page(session, DocumentId(document_id), error=error))
        return session.keep(Redirect(f"/documents/{document_id}"))

    @post("/{document_id:uuid}/generate")
    async def write_all(self, document_id: FromPath[UUID], session: FromDishka[WebSession],
                        start: FromDishka[StartGeneration],
                        view: FromDishka[DocumentView]) -> Response[Any]:
        if session.user is None:
            return Redirect("/")
        try:
            job = await start(session.user.id, DocumentId(document_id))
        except DomainError as error:
            return session.keep(await view.page(session, DocumentId(document_id), error=error))
        return session.keep(Redirect(f"/documents/{document_id}?job={job.id}"))

    @get("/{document_id:uuid}/download")
    async def download(self, document_id: FromPath[UUID], format: FromQuery[ExportFormat],
                       session: FromDishka[WebSession],
                       export: FromDishka[ExportDocument]) -> Response[Any]:
        if session.user is None:
            return Redirect("/")
        return session.keep(file_response(await export(session.user.id,
                                                       DocumentId(document_id), format)))


class DocumentView:
    """The document's page: the document, its estimate, the job being followed (when asked
    for and the user's), and a problem to show in a banner. Another user's document, or a
    missing one, is the not-found page."""

    def __init__(self, documents: GetDocument, estimate: EstimateGeneration,
                 jobs: GetJob) -> None:
        self._documents, self._estimate, self._jobs = documents, estimate, jobs

    async def page(self, session: WebSession, document_id: DocumentId,
                   job_id: JobId | None = None, *, error: DomainError | None = None,
                   ) -> Template:
        assert session.user is not None
        try:
            document = await self._documents(session.user.id, document_id)
        except NotFound:
            return Template("not_found.html.j2", status_code=404,
                            context={"user": session.user})
        job = None
        if job_id is not None:
            try:
                job = await self._jobs(session.user.id, job_id)
            except NotFound:
                job = None
        cost = await self._estimate(session.user.id, document_id) if document.outline \
            else None
        status = 200 if error is None else status_of(error)
        return Template("document.html.j2", status_code=status, context={
            "user": session.user, "document": document, "downloads": DOWNLOADS,
            "written": {s.index: s for s in document.sections}, "job": job,
            "estimate": cost, "error": None if error is None else error.message})
