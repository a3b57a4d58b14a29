"""A person steering the writing: the outline, their own text, revisions and sources.
Every write takes the document's `revision` it was made against (in the body, or as
`If-Match`), and a stale one is a 409."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, delete, get, post, put
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

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
from domain.errors import InvalidInput
from domain.ids import DocumentId
from domain.own_sources import hand_written_work
from domain.pages import PageRequest
from entrypoints.http.document_schemas import DocumentOut, SectionOut, SourceOut
from entrypoints.http.identity import CurrentUser
from entrypoints.http.paging import Limit, Offset
from entrypoints.http.steering_schemas import (
    OutlineIn,
    RevisionOut,
    SectionTextIn,
    SourceIn,
)

SectionIndex = Annotated[int, Parameter(ge=1, le=1000)]
SourceNumber = Annotated[int, Parameter(ge=1, le=1_000_000)]
RevisionNumber = Annotated[int, Parameter(ge=1, le=2**31 - 1)]
IfMatch = Annotated[str | None, HeaderParameter(
    name="If-Match", required=False, max_length=40, pattern=r'^(W/)?"?[1-9][0-9]{0,8}"?$',
    description="The document's `revision` this change was made against.")]


def expected(body: int | None, if_match: str | None) -> int | None:
    """The revision a write was made against: the body's, else `If-Match` ("7", 7 or
    W/"7")."""
    if body is not None or if_match is None:
        return body
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit() or not 1 <= int(value) < 2**31:
        raise InvalidInput("If-Match must be the document's revision, e.g. \"7\"",
                           field="If-Match")
    return int(value)


class SteeringController(Controller):
    path = "/api/v1/documents"
    tags = ["steering"]

    @put("/{document_id:uuid}/outline", status_code=HTTP_200_OK)
    async def edit_outline(self, document_id: FromPath[UUID], data: JSONBody[OutlineIn],
                           user: FromDishka[CurrentUser], edit: FromDishka[EditOutline],
                           if_match: IfMatch = None) -> DocumentOut:
        document = await edit(EditOutlineRequest(
            owner=user.id, document_id=DocumentId(document_id),
            items=[item.planned() for item in data.items],
            revision=expected(data.revision, if_match)))
        return DocumentOut.of(document)

    @put("/{document_id:uuid}/sections/{index:int}", status_code=HTTP_200_OK)
    async def write_text(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                         data: JSONBody[SectionTextIn], user: FromDishka[CurrentUser],
                         write: FromDishka[WriteOwnText],
                         if_match: IfMatch = None) -> SectionOut:
        section = await write(WriteOwnTextRequest(
            owner=user.id, document_id=DocumentId(document_id), index=index, text=data.text,
            revision=expected(data.revision, if_match)))
        return SectionOut.of(section)

    @post("/{document_id:uuid}/sections/{index:int}/verify", status_code=HTTP_200_OK)
    async def verify(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                     user: FromDishka[CurrentUser],
                     verify: FromDishka[VerifySection]) -> SectionOut:
        section = await verify(VerifySectionRequest(
            owner=user.id, document_id=DocumentId(document_id), index=index))
        return SectionOut.of(section)

    @get("/{document_id:uuid}/sections/{index:int}/revisions")
    async def revisions(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                        user: FromDishka[CurrentUser], history: FromDishka[ListRevisions],
                        limit: FromQuery[Limit] = 50, offset: FromQuery[Offset] = 0,
                        ) -> list[RevisionOut]:
        page = await history(user.id, DocumentId(document_id), index,
                             PageRequest(limit=limit, offset=offset))
        return [RevisionOut.of(revision) for revision in page.items]

    @post("/{document_id:uuid}/sections/{index:int}/revisions/{revision:int}/restore",
          status_code=HTTP_200_OK)
    async def restore(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                      revision: FromPath[RevisionNumber], user: FromDishka[CurrentUser],
                      restore: FromDishka[RestoreRevision],
                      if_match: IfMatch = None) -> SectionOut:
        section = await restore(RestoreRevisionRequest(
            owner=user.id, document_id=DocumentId(document_id), index=index,
            revision=revision, expected_revision=expected(None, if_match)))
        return SectionOut.of(section)

    @post("/{document_id:uuid}/sources", status_code=HTTP_201_CREATED)
    async def add_source(self, document_id: FromPath[UUID], data: JSONBody[SourceIn],
                         user: FromDishka[CurrentUser], add: FromDishka[AddSource],
                         if_match: IfMatch = None) -> SourceOut:
        work = None
        if data.doi is None:
            if data.title is None or data.authors is None:
                raise InvalidInput("give a doi, or a title, authors and year", field="doi")
            work = hand_written_work(title=data.title, authors=data.authors, year=data.year,
                                     venue=data.venue, url=data.url)
        elif data.title is not None:
            raise InvalidInput("give either a doi or a work's details, not both", field="doi")
        source = await add(AddSourceRequest(
            owner=user.id, document_id=DocumentId(document_id), doi=data.doi, work=work,
            revision=expected(data.revision, if_match)))
        return SourceOut.of(source)

    @delete("/{document_id:uuid}/sources/{n:int}", status_code=HTTP_204_NO_CONTENT)
    async def remove_source(self, document_id: FromPath[UUID], n: FromPath[SourceNumber],
                            user: FromDishka[CurrentUser], remove: FromDishka[RemoveSource],
                            if_match: IfMatch = None) -> None:
        await remove(RemoveSourceRequest(owner=user.id, document_id=DocumentId(document_id),
                                         n=n, revision=expected(None, if_match)))
