"""A backlog of short generation jobs, queued through the application itself (as the API
queues them) for tests and benchmarks that run `tesigo worker` processes on it, and the
model answers that keep those jobs short."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from adapters.llm.offline_brief import read_brief
from adapters.llm.offline_outline import fill_schema
from application.admin.create_admin import CreateAdmin
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.ids import JobId, UserId
from domain.languages import Language
from domain.ports.quota import QuotaLedger
from domain.ports.transactions import TransactionManager
from domain.quota import LedgerReason
from entrypoints.config import load_settings
from entrypoints.ioc import make_container

PLENTY = 10**12
# Settings under which quotas never stop a backlog: what `tesigo worker` needs on top.
UNLIMITED = {"DAILY_TOKEN_LIMIT": str(PLENTY), "GLOBAL_DAILY_TOKEN_LIMIT": str(PLENTY)}


def short_outlines(sections: int = 1) -> Any:
    """A `json_responder` for OpenAiTestServer: outlines of `sections` 300-word sections (as
    the test model fills the schema, cut short); every other structured answer (the claim
    checks) as the test model writes it."""

    def respond(request: dict[str, Any]) -> Any:
        schema = request["response_format"]["json_schema"]
        prompt = str(request["messages"][-1]["content"])
        answer = fill_schema(schema.get("schema", {}), read_brief(prompt))
        if schema.get("name") == "outline":
            answer["sections"] = [{**item, "target_words": 300}
                                  for item in answer["sections"][:sections]]
        return answer

    return respond


@dataclass(frozen=True, slots=True)
class Queued:
    owner: UserId
    job: JobId
    title: str  # unique: the model server's requests name it (TITLE: ...)


async def queue_backlog(env: dict[str, str], count: int, *, owner_per_job: bool = False,
                        at_once: int = 8, label: str = "Job") -> Sequence[Queued]:
    """`count` essays queued for generation, titled `<label> <n>`, by one owner, or by one owner
    each (`owner_per_job`: a job's ledger is then its owner's); every owner holds PLENTY of
    credits. `at_once` jobs are queued concurrently."""
    container = make_container(load_settings(env))
    gate = asyncio.Semaphore(at_once)

    async def owner(n: int) -> UserId:
        async with gate, container() as scope:
            user = await (await scope.get(CreateAdmin))(f"owner-{n}@{label.lower()}.example.com")
            await (await scope.get(QuotaLedger)).grant(user.id, PLENTY, LedgerReason.GRANT,
                                                       user.created_at)
            await (await scope.get(TransactionManager)).commit()
            return user.id

    async def queue(n: int, by: UserId) -> Queued:
        title = f"{label} {n}"
        spec = DocumentSpec(title=title, topic="Queues", kind=Kind.ESSAY,
                            language=Language("en"), target_words=1200,
                            citation_style=CitationStyle.APA)
        async with gate, container() as scope:
            document = await (await scope.get(CreateDocument))(
                CreateDocumentRequest(owner=by, spec=spec))
            job = await (await scope.get(StartGeneration))(by, document.id)
        return Queued(owner=by, job=job.id, title=title)

    try:
        if owner_per_job:
            owners = await asyncio.gather(*(owner(n) for n in range(count)))
        else:
            owners = [await owner(0)] * count
        return await asyncio.gather(*(queue(n, by) for n, by in enumerate(owners)))
    finally:
        await container.close()
