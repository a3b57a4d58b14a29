from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED

from application.generation.estimate import EstimateGeneration
from application.idempotency.idempotent_call import IdempotentCall
from application.jobs.cancel_job import CancelJob
from application.jobs.get_job import GetJob
from application.jobs.start_generation import StartGeneration
from domain.idempotency import StoredResponse
from domain.ids import DocumentId, JobId
from entrypoints.http.idempotency import answer_once
from entrypoints.http.identity import CurrentUser
from entrypoints.http.job_schemas import EstimateOut, GenerateIn, JobOut

DEFAULT_GENERATION = GenerateIn()  # no body, or `{}`: every section not yet written


class GenerateController(Controller):
    path = "/api/v1/documents"
    tags = ["jobs"]

    @post("/{document_id:uuid}/generate", status_code=HTTP_202_ACCEPTED,
          responses={HTTP_202_ACCEPTED: ResponseSpec(JobOut, description="The job, queued "
                                                     "(or the document's active job).")},
          description="Queues a job that writes the outline (if missing) and every section "
                      "not yet written, or rewrites exactly the `sections` given, following "
                      "`instructions`. A job whose estimate does not fit the caller's credits "
                      "or limits is refused before any model call (402 or 429, `estimate` in "
                      "the problem) unless `partial` is true: then it writes what fits and "
                      "its step says where it stopped. Honours `Idempotency-Key`.")
    async def generate(self, request: Request[Any, Any, Any], document_id: FromPath[UUID],
                       user: FromDishka[CurrentUser], start: FromDishka[StartGeneration],
                       idempotent: FromDishka[IdempotentCall],
                       data: JSONBody[GenerateIn] = DEFAULT_GENERATION) -> Response[bytes]:
        async def work() -> StoredResponse:
            job = await start(user.id, DocumentId(document_id), sections=data.chosen(),
                              instructions=data.instructions, partial=data.partial)
            return StoredResponse(status=HTTP_202_ACCEPTED,
                                  body=msgspec.json.encode(JobOut.of(job)))

        return await answer_once(request, user.id, idempotent, work)

    @get("/{document_id:uuid}/estimate",
         description="The most a whole generation of the document (its outline if missing, "
                     "then every section not yet written) would reserve, and whether that "
                     "fits the caller's credits, their daily limit and the service's; "
                     "`limit` names the first it does not fit.")
    async def estimate(self, document_id: FromPath[UUID], user: FromDishka[CurrentUser],
                       estimate: FromDishka[EstimateGeneration]) -> EstimateOut:
        return EstimateOut.of(await estimate(user.id, DocumentId(document_id)))


class JobsController(Controller):
    path = "/api/v1/jobs"
    tags = ["jobs"]

    @get("/{job_id:uuid}")
    async def job(self, job_id: FromPath[UUID], user: FromDishka[CurrentUser],
                  get_job: FromDishka[GetJob]) -> JobOut:
        return JobOut.of(await get_job(user.id, JobId(job_id)))

    @post("/{job_id:uuid}/cancel", status_code=HTTP_200_OK)
    async def cancel(self, job_id: FromPath[UUID], user: FromDishka[CurrentUser],
                     cancel: FromDishka[CancelJob]) -> JobOut:
        return JobOut.of(await cancel(user.id, JobId(job_id)))
