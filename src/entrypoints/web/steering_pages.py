"""A person steering the writing from the page: the outline editor, a rewrite with
instructions, their own text, revisions with restore, and sources added by DOI or removed.
Each form carries the document's `revision`, so a change made against a stale page is
refused (409, in the banner) rather than merged blindly; each body is checked by the JSON
API's own body types (`OutlineIn`, `SectionTextIn`, `RewriteIn`)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, Parameter

from application.documents.get_document import GetDocument
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from application.steering.edit_outline import EditOutline, EditOutlineRequest
from application.steering.own_sources import (
    AddSource,
    AddSourceRequest,
    RemoveSource,
    RemoveSourceRequest,
)
from application.steering.section_revisions import (
    ListRevisions,
    RestoreRevision,
    RestoreRevisionRequest,
)
from application.steering.verify_section import VerifySection, VerifySectionRequest
from application.steering.write_own_text import WriteOwnText, WriteOwnTextRequest
from domain.errors import DomainError
from domain.ids import DocumentId
from domain.pages import PageRequest
from entrypoints.http.controllers.steering import RevisionNumber, SectionIndex, SourceNumber
from entrypoints.http.errors import status_of
from entrypoints.http.steering_schemas import OutlineIn, RewriteIn, SectionTextIn
from entrypoints.web.document_view import DocumentView
from entrypoints.web.flow import attempt, page, signed_in
from entrypoints.web.forms import NEW_ROWS, checked, planned_outline, revision_of
from entrypoints.web.session import WebSession

FormFields = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
Offset = Annotated[int, Parameter(ge=0, le=10_000)]
PER_PAGE = 10


class SteeringPagesController(Controller):
    path = "/documents/{document_id:uuid}"
    include_in_schema = False

    @get("/outline/edit")
    async def outline_editor(self, document_id: FromPath[UUID],
                             session: FromDishka[WebSession],
                             documents: FromDishka[GetDocument]) -> Response[Any]:
        user = signed_in(session)
        document = await documents(user.id, DocumentId(document_id))
        return session.keep(page(session, "outline_edit.html.j2", document=document,
                                 new_rows=NEW_ROWS))

    @post("/outline/edit")
    async def save_outline(self, document_id: FromPath[UUID], data: FormFields,
                           session: FromDishka[WebSession], edit: FromDishka[EditOutline],
                           documents: FromDishka[GetDocument]) -> Response[Any]:
        user = signed_in(session)
        document = await documents(user.id, DocumentId(document_id))

        async def save(_: Any) -> object:
            body = checked(planned_outline(data, len(document.outline)), OutlineIn)
            return await edit(EditOutlineRequest(
                owner=user.id, document_id=document.id,
                items=[item.planned() for item in body.items], revision=body.revision))

        async def again(error: DomainError) -> Any:
            fresh = await documents(user.id, document.id)
            return page(session, "outline_edit.html.j2", status_of(error), document=fresh,
                        new_rows=NEW_ROWS, error=error.message)
        return await attempt(session, save, then=lambda _: f"/documents/{document_id}",
                             again=again)

    @get("/sections/{index:int}/rewrite")
    async def rewrite_form(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                           session: FromDishka[WebSession],
                           documents: FromDishka[GetDocument]) -> Response[Any]:
        return await self._section_page(session, documents, document_id, index,
                                        "rewrite.html.j2")

    @post("/sections/{index:int}/rewrite")
    async def rewrite(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                      data: FormFields, session: FromDishka[WebSession],
                      generate: FromDishka[GenerateSection],
                      view: FromDishka[DocumentView]) -> Response[Any]:
        async def write(user: Any) -> object:
            asked = checked({"instructions": data.get("instructions", "")}, RewriteIn)
            return await generate(GenerateSectionRequest(
                owner=user.id, document_id=DocumentId(document_id), index=index,
                instructions=(asked.instructions or "").strip() or None))
        return await view.after(session, DocumentId(document_id), write,
                                then=f"#section-{index}")

    @get("/sections/{index:int}/edit")
    async def text_form(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                        session: FromDishka[WebSession],
                        documents: FromDishka[GetDocument]) -> Response[Any]:
        return await self._section_page(session, documents, document_id, index,
                                        "edit_section.html.j2")

    @post("/sections/{index:int}/edit")
    async def write_text(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                         data: FormFields, session: FromDishka[WebSession],
                         write: FromDishka[WriteOwnText],
                         documents: FromDishka[GetDocument]) -> Response[Any]:
        async def save(user: Any) -> object:
            body = checked({"text": data.get("text", ""), "revision": revision_of(data)},
                            SectionTextIn)
            return await write(WriteOwnTextRequest(
                owner=user.id, document_id=DocumentId(document_id), index=index,
                text=body.text, revision=body.revision))

        async def again(error: DomainError) -> Any:
            return await self._section_template(session, documents, document_id, index,
                                                "edit_section.html.j2", error=error,
                                                text=data.get("text", ""))
        return await attempt(session, save,
                             then=lambda _: f"/documents/{document_id}#section-{index}",
                             again=again)

    @post("/sections/{index:int}/verify")
    async def verify(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                     session: FromDishka[WebSession], verify: FromDishka[VerifySection],
                     view: FromDishka[DocumentView]) -> Response[Any]:
        return await view.after(
            session, DocumentId(document_id),
            lambda user: verify(VerifySectionRequest(owner=user.id,
                                                     document_id=DocumentId(document_id),
                                                     index=index)),
            then=f"#section-{index}")

    @get("/sections/{index:int}/revisions")
    async def revisions(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                        session: FromDishka[WebSession], documents: FromDishka[GetDocument],
                        history: FromDishka[ListRevisions], offset: Offset = 0,
                        ) -> Response[Any]:
        user = signed_in(session)
        document = await documents(user.id, DocumentId(document_id))
        found = await history(user.id, document.id, index, PageRequest(PER_PAGE, offset))
        return session.keep(page(session, "revisions.html.j2", document=document,
                                 item=document.planned_section(index), revisions=found,
                                 per_page=PER_PAGE))

    @post("/sections/{index:int}/revisions/{revision:int}/restore")
    async def restore(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                      revision: FromPath[RevisionNumber], data: FormFields,
                      session: FromDishka[WebSession], restore: FromDishka[RestoreRevision],
                      view: FromDishka[DocumentView]) -> Response[Any]:
        return await view.after(
            session, DocumentId(document_id),
            lambda user: restore(RestoreRevisionRequest(
                owner=user.id, document_id=DocumentId(document_id), index=index,
                revision=revision, expected_revision=revision_of(data))),
            then=f"#section-{index}")

    @post("/sources")
    async def add_source(self, document_id: FromPath[UUID], data: FormFields,
                         session: FromDishka[WebSession], add: FromDishka[AddSource],
                         view: FromDishka[DocumentView]) -> Response[Any]:
        doi = data.get("doi", "").strip()
        return await view.after(
            session, DocumentId(document_id),
            lambda user: add(AddSourceRequest(owner=user.id,
                                              document_id=DocumentId(document_id),
                                              doi=doi[:300], revision=revision_of(data))),
            then="#sources")

    @post("/sources/{n:int}/remove")
    async def remove_source(self, document_id: FromPath[UUID], n: FromPath[SourceNumber],
                            data: FormFields, session: FromDishka[WebSession],
                            remove: FromDishka[RemoveSource],
                            view: FromDishka[DocumentView]) -> Response[Any]:
        return await view.after(
            session, DocumentId(document_id),
            lambda user: remove(RemoveSourceRequest(owner=user.id,
                                                    document_id=DocumentId(document_id),
                                                    n=n, revision=revision_of(data))),
            then="#sources")

    async def _section_page(self, session: WebSession, documents: GetDocument,
                            document_id: UUID, index: int, template: str) -> Response[Any]:
        return session.keep(await self._section_template(session, documents, document_id,
                                                         index, template))

    async def _section_template(self, session: WebSession, documents: GetDocument,
                                document_id: UUID, index: int, template: str, *,
                                error: DomainError | None = None,
                                text: str | None = None) -> Any:
        user = signed_in(session)
        document = await documents(user.id, DocumentId(document_id))
        item = document.planned_section(index)
        written = next((s for s in document.sections if s.index == index), None)
        return page(session, template, 200 if error is None else status_of(error),
                    document=document, item=item, section=written,
                    text=text if text is not None else (written.text if written else ""),
                    error=None if error is None else error.message)

