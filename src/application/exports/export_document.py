from dataclasses import dataclass

from application.exports.manuscript_builder import ManuscriptBuilder
from domain.documents import Document
from domain.errors import InvalidTransition
from domain.ids import DocumentId, UserId
from domain.manuscripts import ExportFormat, ascii_filename, export_filename
from domain.ports.bibliography import BibliographyWriter
from domain.ports.documents import DocumentRepository
from domain.ports.exports import BlobStore, DocumentRenderer
from domain.ports.system import Clock
from domain.ports.users import UserRepository
from domain.source_selection import SourceSelection

NOTHING_WRITTEN = "This document has no written sections yet; generate it before exporting."
NOTHING_CITED = ("This document has no written sections yet, so it cites no source; export "
                 "every source with sources=all, or generate it first.")


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
    """The document as a PDF, DOCX or Markdown file, or its bibliography as a BibTeX, RIS or
    CSL-JSON file.

    - only the owner can export it; another user's document is NotFound
    - a document with no written section has nothing to export yet and cites nothing
      (InvalidTransition); only the bibliography of every source (`SourceSelection.ALL`)
      needs no section
    - a bibliography lists the cited sources (in source order) or every source offered, as
      asked; a document that cites none gives a valid file without entries
    - a document file is rendered once per document revision and format and then served
      from the blob store; any change to the document makes a new revision, so a stale file
      is never served. Bibliographies are written afresh each time (milliseconds, less than
      a round trip to the store)
    - rendering and writing happen off the event loop (the renderer's worker processes, the
      writer's thread)
    - once a revision is rendered, the files of older revisions are removed
    """

    def __init__(self, documents: DocumentRepository, users: UserRepository,
                 builder: ManuscriptBuilder, renderer: DocumentRenderer, blobs: BlobStore,
                 clock: Clock, bibliographies: BibliographyWriter) -> None:
        self._documents, self._users, self._builder = documents, users, builder
        self._renderer, self._blobs, self._clock = renderer, blobs, clock
        self._bibliographies = bibliographies

    async def __call__(self, owner: UserId, document_id: DocumentId, format: ExportFormat,
                       sources: SourceSelection = SourceSelection.CITED) -> ExportFile:
        document = await self._documents.get(owner, document_id)
        if not document.sections and not (format.is_bibliography
                                          and sources is SourceSelection.ALL):
            raise InvalidTransition(NOTHING_CITED if format.is_bibliography else NOTHING_WRITTEN)
        if format.is_bibliography:
            data = await self._bibliographies.write(sources.of(document), format)
        else:
            data = await self._rendered(document, format)
        filename = export_filename(document.spec.title, format)
        return ExportFile(filename=filename,
                          ascii_filename=ascii_filename(filename, document.spec.language),
                          content_type=format.content_type, data=data)

    async def _rendered(self, document: Document, format: ExportFormat) -> bytes:
        key = export_key(document.owner, document.id, document.revision, format)
        data = await self._blobs.get(key)
        if data is None:
            author = (await self._users.get(document.owner)).email.value
            manuscript = await self._builder.build(document, author, self._clock.now())
            data = await self._renderer.render(manuscript, format)
            await self._blobs.put(key, data)
            await self._forget_older(document.owner, document.id, document.revision)
        return data

    async def _forget_older(self, owner: UserId, document_id: DocumentId,
                            revision: int) -> None:
        folder = exports_of(owner, document_id)
        revisions = {key.removeprefix(folder).split("/")[0]
                     for key in await self._blobs.keys(folder)}
        for older in sorted(r for r in revisions if r.isdigit() and int(r) < revision):
            await self._blobs.delete_prefix(f"{folder}{older}/")
