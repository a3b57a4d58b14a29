from dataclasses import dataclass

from application.exports.manuscript_builder import ManuscriptBuilder
from domain.errors import InvalidTransition
from domain.ids import DocumentId, UserId
from domain.manuscripts import ExportFormat, ascii_filename, export_filename
from domain.ports.documents import DocumentRepository
from domain.ports.exports import BlobStore, DocumentRenderer
from domain.ports.system import Clock
from domain.ports.users import UserRepository


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportFile:
    filename: str
    ascii_filename: str  # for clients that read no UTF-8 name: the title in Latin letters
    content_type: str
    data: bytes


def exports_of(owner: UserId, document_id: DocumentId | None = None) -> str:
    """The blob folder of a user's exported files, or of one document's."""
    return f"exports/{owner}/" + ("" if document_id is None else f"{document_id}/")


def export_key(owner: UserId, document_id: DocumentId, revision: int,
               format: ExportFormat) -> str:
    return f"{exports_of(owner, document_id)}{revision}/{format.value}"


class ExportDocument:
    """The document as a PDF, DOCX or Markdown file.

    - only the owner can export it; another user's document is NotFound
    - a document with no written section has nothing to export yet (InvalidTransition)
    - a file is rendered once per document revision and format and then served from the
      blob store; any change to the document makes a new revision, so a stale file is
      never served
    - rendering happens in the renderer's worker processes, never on the event loop
    - once a revision is rendered, the files of older revisions are removed
    """

    def __init__(self, documents: DocumentRepository, users: UserRepository,
                 builder: ManuscriptBuilder, renderer: DocumentRenderer, blobs: BlobStore,
                 clock: Clock) -> None:
        self._documents, self._users, self._builder = documents, users, builder
        self._renderer, self._blobs, self._clock = renderer, blobs, clock

    async def __call__(self, owner: UserId, document_id: DocumentId,
                       format: ExportFormat) -> ExportFile:
        document = await self._documents.get(owner, document_id)
        if not document.sections:
            raise InvalidTransition("This document has no written sections yet; generate "
                                    "it before exporting.")
        key = export_key(owner, document.id, document.revision, format)
        data = await self._blobs.get(key)
        if data is None:
            author = (await self._users.get(owner)).email.value
            manuscript = await self._builder.build(document, author, self._clock.now())
            data = await self._renderer.render(manuscript, format)
            await self._blobs.put(key, data)
            await self._forget_older(owner, document.id, document.revision)
        filename = export_filename(document.spec.title, format)
        return ExportFile(filename=filename,
                          ascii_filename=ascii_filename(filename, document.spec.language),
                          content_type=format.content_type, data=data)

    async def _forget_older(self, owner: UserId, document_id: DocumentId,
                            revision: int) -> None:
        folder = exports_of(owner, document_id)
        revisions = {key.removeprefix(folder).split("/")[0]
                     for key in await self._blobs.keys(folder)}
        for older in sorted(r for r in revisions if r.isdigit() and int(r) < revision):
            await self._blobs.delete_prefix(f"{folder}{older}/")
