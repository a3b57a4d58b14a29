from application.generation.estimate import GenerationEstimator, estimate, room_left
from application.generation.fit import refusal
from application.generation.policy import GenerationPolicy
from application.jobs.document_status import follow_job
from application.jobs.events import JobJournal
from domain.documents import DocumentStatus
from domain.ids import DocumentId, JobId, UserId
from domain.jobs import GenerationJob, clean_instructions
from domain.ports.documents import DocumentRepository
from domain.ports.jobs import JobRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager


class StartGeneration:
    """Queue the generation of a document: its outline if missing, then every section not
    yet written; or exactly the `sections` chosen, written anew (even if written).

    - only the owner can start it; another user's document is NotFound
    - chosen sections must be sections of the outline (InvalidInput), each counted once;
      choosing them before there is an outline is InvalidTransition; `instructions` follow
      `domain.jobs.clean_instructions`
    - a document has at most one active job: while one is queued or running, it is returned
      instead of starting another
    - a job whose estimate (`EstimateGeneration`) does not fit the caller's credits or
      limits is refused before anything is reserved or sent to the model
      (`GenerationDoesNotFit`, carrying the estimate), unless it is `partial`: then it
      writes what fits and stops there
    - the document's status becomes `generating`
    """

    def __init__(self, documents: DocumentRepository, jobs: JobRepository, journal: JobJournal,
                 estimator: GenerationEstimator, ledger: QuotaLedger, tx: TransactionManager,
                 clock: Clock, ids: IdGenerator, policy: GenerationPolicy) -> None:
        self._documents, self._jobs, self._journal = documents, jobs, journal
        self._estimator, self._ledger = estimator, ledger
        self._tx, self._clock, self._ids, self._policy = tx, clock, ids, policy

    async def __call__(self, owner: UserId, document_id: DocumentId, *,
                       sections: tuple[int, ...] | None = None,
                       instructions: str | None = None,
                       partial: bool = False) -> GenerationJob:
        document = await self._documents.get(owner, document_id)
        instructions = clean_instructions(instructions)
        costs = await self._estimator.work_out(document, sections, instructions)  # checks them
        active = await self._jobs.active_for_document(document.id)
        if active is not None:
            return active
        if not partial:
            room = await room_left(self._ledger, owner, self._clock, self._policy)
            cost = estimate(costs, room)
            if not cost.fits:
                raise refusal(cost, room, self._clock.now())
        now = self._clock.now()
        chosen = None if sections is None else tuple(costs.sections)
        job = await self._journal.record(GenerationJob.queue(
            id=JobId(self._ids.new_id()), owner=owner, document_id=document.id, now=now,
            sections=chosen, instructions=instructions, partial=partial), new=True)
        await follow_job(self._documents, owner, document.id, DocumentStatus.GENERATING, now)
        await self._tx.commit()
        await self._journal.announce()
        return job
