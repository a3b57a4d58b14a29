from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED

from application.idempotency.idempotent_call import IdempotentCall
from application.jobs.cancel_job import CancelJob
from application.jobs.get_job import GetJob
from application.jobs.start_generation import StartGeneration
from domain.errors import InvalidInput
from domain.idempotency import MAX_KEY_LENGTH, StoredResponse
from domain.ids import DocumentId, JobId
from entrypoints.http.identity import CurrentUser
from entrypoints.http.job_schemas import JobOut

REPLAYED = "Idempotent-Replayed"


def idempotency_key(request: Request[Any, Any, Any]) -> str | None:
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not key.isprintable():
        raise InvalidInput(f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable characters",
                           field="Idempotency-Key")
    return key


async def fingerprint(request: Request[Any, Any, Any]) -> str:
    """What makes two requests the same: method, path and body."""
    body = await request.body()
    return hashlib.sha256(b"%s %s\n%s" % (request.method.encode(),
                                          request.url.path.encode(), body)).hexdigest()


class GenerateController(Controller):
    path = "/api/v1/documents"
    tags = ["jobs"]

    @post("/{document_id:uuid}/generate", status_code=HTTP_202_ACCEPTED)
    async def generate(self, request: Request[Any, Any, Any], document_id: FromPath[UUID],
                       user: FromDishka[CurrentUser], start: FromDishka[StartGeneration],
                       idempotent: FromDishka[IdempotentCall]) -> Response[bytes]:
        async def work() -> StoredResponse:
            job = await start(user.id, DocumentId(document_id))
            return StoredResponse(status=HTTP_202_ACCEPTED,
                                  body=msgspec.json.encode(JobOut.of(job)))

        key, headers = idempotency_key(request), {}
        if key is None:
            response = await work()
        else:
            response, replayed = await idempotent(user.id, key, await fingerprint(request), work)
            headers = {REPLAYED: "true"} if replayed else {}
        return Response(response.body, status_code=response.status,
                        media_type=response.content_type, headers=headers)


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
