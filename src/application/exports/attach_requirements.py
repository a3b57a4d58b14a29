from domain.documents import Document
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.uploads import TextExtractor
from domain.uploads import MAX_UPLOAD_BYTES, FileTooLarge, normalise_requirements


class AttachRequirements:
    """Read an uploaded requirements file (PDF, DOCX or plain text) into the document's
    `requirements`, which the outline and section prompts then follow.

    - only the owner can; another user's document is NotFound, before the file is read
    - at most MAX_UPLOAD_BYTES; the type is decided by the content, never by the name
    - the text is normalised (and cut to REQUIREMENTS_MAX characters) and replaces any
      earlier requirements
    """

    def __init__(self, documents: DocumentRepository, extractor: TextExtractor,
                 tx: TransactionManager, clock: Clock) -> None:
        self._documents, self._extractor, self._tx, self._clock = documents, extractor, tx, clock

    async def __call__(self, owner: UserId, document_id: DocumentId, data: bytes) -> Document:
        await self._documents.get(owner, document_id)
        if len(data) > MAX_UPLOAD_BYTES:
            raise FileTooLarge
        text = normalise_requirements(await self._extractor.extract(data))
        await self._tx.rollback()  # the read above may have waited long: read afresh
        document = await self._documents.get(owner, document_id)
        document = document.with_requirements(text, self._clock.now())
        await self._documents.save(document)
        await self._tx.commit()
        return document
