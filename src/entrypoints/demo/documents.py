"""Demo documents, each taken to its planned stage through the writer's use cases."""

from __future__ import annotations

from collections.abc import Sequence

from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.list_documents import ListDocuments
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from application.jobs.cancel_job import CancelJob
from application.jobs.start_generation import StartGeneration
from domain.documents import Document
from domain.ids import UserId
from domain.jobs import GenerationJob
from domain.pages import MAX_PAGE, PageRequest
from domain.quota import QuotaExceeded
from domain.users import User
from entrypoints.demo.calls import Calls
from entrypoints.demo.plan import PlannedDocument, Stage


class DocumentsMade:
    def __init__(self) -> None:
        self.created = self.kept = self.sections = self.short = 0
        self.jobs: list[GenerationJob] = []  # queued, for the job runner


async def seed_documents(call: Calls, planned: Sequence[PlannedDocument],
                         users: Sequence[User]) -> DocumentsMade:
    """Makes the planned documents their owners do not have yet (by title); a document an
    earlier run made is kept as it is. A document whose owner's credits (or a daily limit)
    run out stays where it got to, counted in `short`."""
    made = DocumentsMade()
    titles = {index: await _titles(call, user.id) for index, user in enumerate(users)}
    for plan in planned:
        owner = users[plan.owner]
        if plan.spec.title in titles[plan.owner]:
            made.kept += 1
            continue
        document: Document = await call(CreateDocument,
                                        CreateDocumentRequest(owner=owner.id, spec=plan.spec))
        titles[plan.owner].add(plan.spec.title)
        made.created += 1
        try:
            await _take_to_stage(call, plan, document, made)
        except QuotaExceeded:  # the owner's credits or a daily limit: as far as it got
            made.short += 1
    return made


async def _take_to_stage(call: Calls, plan: PlannedDocument, document: Document,
                         made: DocumentsMade) -> None:
    owner = document.owner
    if plan.stage in (Stage.OUTLINED, Stage.PARTIAL):
        document = await call(GenerateOutline, owner, document.id)
    if plan.stage is Stage.PARTIAL:
        for item in document.outline[:plan.sections]:
            await call(GenerateSection, GenerateSectionRequest(
                owner=owner, document_id=document.id, index=item.index))
            made.sections += 1
    if plan.stage in (Stage.GENERATED, Stage.CANCELLED):
        # Partial: the estimate is a worst case well above what the offline model spends,
        # so the job writes what each step's maximum still fits, instead of being refused.
        job: GenerationJob = await call(StartGeneration, owner, document.id, partial=True)
        if plan.stage is Stage.CANCELLED:
            await call(CancelJob, owner, job.id)
        else:
            made.jobs.append(job)


async def _titles(call: Calls, owner: UserId) -> set[str]:
    titles: set[str] = set()
    offset = 0
    while True:
        page = await call(ListDocuments, owner, PageRequest(limit=MAX_PAGE, offset=offset))
        titles |= {document.spec.title for document in page.items}
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return titles
