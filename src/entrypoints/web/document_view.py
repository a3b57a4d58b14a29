"""The document's page as its owner sees it: the outline with each item's state, the text
with its citations (as the style renders them, each with its cards), the sources, the
estimate of writing the rest against the balance, the job being followed, and a problem to
show in a banner. Another user's document, or a missing one, is the not-found page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Response
from litestar.response import Template

from application.billing.get_balance import GetBalance
from application.documents.get_document import GetDocument
from application.documents.in_text_citations import CiteInText
from application.generation.estimate import EstimateGeneration
from application.jobs.get_job import GetJob
from domain.errors import DomainError, NotFound
from domain.ids import DocumentId, JobId
from domain.manuscripts import ExportFormat
from domain.users import User
from entrypoints.http.errors import status_of
from entrypoints.web.flow import attempt, page
from entrypoints.web.i18n import N_
from entrypoints.web.reading import paragraphs
from entrypoints.web.session import WebSession

DOWNLOADS = {N_("Download PDF"): ExportFormat.PDF, N_("Download DOCX"): ExportFormat.DOCX,
             N_("Download Markdown"): ExportFormat.MD,
             N_("Download BibTeX"): ExportFormat.BIBTEX, N_("Download RIS"): ExportFormat.RIS}


class DocumentView:
    def __init__(self, documents: GetDocument, estimate: EstimateGeneration, jobs: GetJob,
                 cite: CiteInText, balance: GetBalance) -> None:
        self._documents, self._estimate, self._jobs = documents, estimate, jobs
        self._cite, self._balance = cite, balance

    async def page(self, session: WebSession, document_id: DocumentId,
                   job_id: JobId | None = None, *, error: DomainError | None = None,
                   ) -> Template:
        assert session.user is not None
        owner = session.user.id
        try:
            document = await self._documents(owner, document_id)
        except NotFound:
            return page(session, "not_found.html.j2", 404)
        job = None
        if job_id is not None:
            try:
                job = await self._jobs(owner, job_id)
            except NotFound:
                job = None
        forms = await self._cite(document)
        text = {section.index: paragraphs(section, found, document.sources)
                for section, found in zip(document.sections, forms, strict=True)}
        return page(session, "document.html.j2", 200 if error is None else status_of(error),
                    document=document, downloads=DOWNLOADS, job=job, text=text,
                    written={s.index: s for s in document.sections},
                    estimate=await self._estimate(owner, document_id) if document.outline
                    else None, credits=session.credits if session.credits is not None
                    else (await self._balance(owner)).credits,
                    error=None if error is None else error.message)

    async def after(self, session: WebSession, document_id: DocumentId,
                    act: Callable[[User], Awaitable[Any]], then: str = "") -> Response[Any]:
        """`act` on the document, then its page (at `then`, an anchor or query); refused,
        the page with the problem in its banner."""
        return await attempt(session, act, then=lambda _: f"/documents/{document_id}{then}",
                             again=lambda error: self.page(session, document_id,
                                                           error=error))
