from datetime import datetime

from domain.documents import DocumentStatus
from domain.ids import DocumentId, UserId
from domain.ports.documents import DocumentRepository


async def follow_job(documents: DocumentRepository, owner: UserId, id: DocumentId,
                     status: DocumentStatus, now: datetime) -> None:
    """Let the document's status follow its job; saved only when it changes."""
    document = await documents.get(owner, id)
    followed = document.with_status(status, now)
    if followed is not document:
        await documents.save(followed)
