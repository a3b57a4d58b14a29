from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, post
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK

from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from domain.ids import DocumentId
from entrypoints.http.document_schemas import DocumentOut, SectionOut
from entrypoints.http.identity import CurrentUser
from entrypoints.http.steering_schemas import RewriteIn

SectionIndex = Annotated[int, Parameter(ge=1, le=1000)]


class GenerationController(Controller):
    """Synchronous generation of one step; whole documents run as background jobs."""

    path = "/api/v1/documents"
    tags = ["generation"]

    @post("/{document_id:uuid}/outline", status_code=HTTP_200_OK)
    async def outline(self, document_id: FromPath[UUID], user: FromDishka[CurrentUser],
                      generate: FromDishka[GenerateOutline]) -> DocumentOut:
        return DocumentOut.of(await generate(user.id, DocumentId(document_id)))

    @post("/{document_id:uuid}/sections/{index:int}/generate", status_code=HTTP_200_OK)
    async def section(self, document_id: FromPath[UUID], index: FromPath[SectionIndex],
                      user: FromDishka[CurrentUser], generate: FromDishka[GenerateSection],
                      data: JSONBody[RewriteIn | None] = None) -> SectionOut:
        """Write section `index`, or rewrite it: with `instructions`, following them. The
        text it replaces is kept as a revision."""
        instructions = (data.instructions or "").strip() or None if data else None
        section = await generate(GenerateSectionRequest(owner=user.id,
                                                        document_id=DocumentId(document_id),
                                                        index=index, instructions=instructions))
        return SectionOut.of(section)
