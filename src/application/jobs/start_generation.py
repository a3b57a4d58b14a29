from application.jobs.document_status import follow_job
from application.jobs.events import JobJournal
from domain.documents import DocumentStatus
from domain.ids import DocumentId, JobId, UserId
from domain.jobs import GenerationJob
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager


class StartGeneration:
    """Queue the generation of a whole document: its outline if missing, then every section
    not yet written.

    - only the owner can start it; another user's document is NotFound
    - a document has at most one active job: while one is queued or running, it is returned
      instead of starting another
    - the document's status becomes `generating`
    """

    def __init__(self, documents: DocumentRepository, jobs: JobRepository, journal: JobJournal,
                 tx: TransactionManager, clock: Clock, ids: IdGenerator) -> None:
        self._documents, self._jobs, self._journal = documents, jobs, journal
        self._tx, self._clock, self._ids = tx, clock, ids

    async def __call__(self, owner: UserId, document_id: DocumentId) -> GenerationJob:
        document = await self._documents.get(owner, document_id)
        active = await self._jobs.active_for_document(document.id)
        if active is not None:
            return active
        now = self._clock.now()
        job = await self._journal.record(GenerationJob.queue(
            id=JobId(self._ids.new_id()), owner=owner, document_id=document.id, now=now),
            new=True)
        await follow_job(self._documents, owner, document.id, DocumentStatus.GENERATING, now)
        await self._tx.commit()
        await self._journal.announce()
        return job
