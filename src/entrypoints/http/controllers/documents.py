from __future__ import annotations

from typing import Any
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.delete_document import DeleteDocument
from application.documents.list_documents import ListDocuments
from application.documents.read_own_document import ReadOwnDocument
from application.documents.update_document import UpdateDocument, UpdateDocumentRequest
from domain.ids import DocumentId
from domain.pages import PageRequest
from entrypoints.http.document_schemas import (
    DocumentIn,
    DocumentOut,
    DocumentPageOut,
    DocumentPatch,
)
from entrypoints.http.identity import CurrentUser, bearer_token
from entrypoints.http.paging import Limit, Offset


class DocumentsController(Controller):
    path = "/api/v1/documents"
    tags = ["documents"]

    @post(status_code=HTTP_201_CREATED)
    async def create(self, data: JSONBody[DocumentIn], user: FromDishka[CurrentUser],
                     create: FromDishka[CreateDocument]) -> DocumentOut:
        document = await create(CreateDocumentRequest(owner=user.id, spec=data.to_spec()))
        return DocumentOut.of(document)

    @get()
    async def list_documents(self, user: FromDishka[CurrentUser],
                             list_documents: FromDishka[ListDocuments],
                             limit: FromQuery[Limit] = 20, offset: FromQuery[Offset] = 0,
                             ) -> DocumentPageOut:
        page = await list_documents(user.id, PageRequest(limit=limit, offset=offset))
        return DocumentPageOut.of(page)

    @get("/{document_id:uuid}")
    async def get_document(self, document_id: FromPath[UUID], request: Request[Any, Any, Any],
                           read: FromDishka[ReadOwnDocument]) -> DocumentOut:
        # The caller and the document in one read (docs/performance.md): the same 401s and
        # 404s as CurrentUser followed by GetDocument.
        return DocumentOut.of(await read(bearer_token(request), DocumentId(document_id)))

    @patch("/{document_id:uuid}")
    async def update(self, document_id: FromPath[UUID], data: JSONBody[DocumentPatch],
                     user: FromDishka[CurrentUser],
                     update: FromDishka[UpdateDocument]) -> DocumentOut:
        document = await update(UpdateDocumentRequest(owner=user.id, id=DocumentId(document_id),
                                                      changes=data.changes()))
        return DocumentOut.of(document)

    @delete("/{document_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def remove(self, document_id: FromPath[UUID], user: FromDishka[CurrentUser],
                     remove: FromDishka[DeleteDocument]) -> None:
        await remove(user.id, DocumentId(document_id))
