from __future__ import annotations

import asyncio

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get
from litestar.openapi import ResponseSpec
from litestar.status_codes import HTTP_503_SERVICE_UNAVAILABLE

from domain.ports.probe import StorageProbe
from entrypoints.http.schema_base import Strict

READY_TIMEOUT_S = 2.0


class StatusOut(Strict, kw_only=True, frozen=True):
    status: str


class OperationsController(Controller):
    tags = ["operations"]
    include_in_schema = True

    @get("/health", opt={"exclude_from_rate_limit": True})
    async def health(self) -> StatusOut:
        return StatusOut(status="ok")

    @get("/ready", opt={"exclude_from_rate_limit": True},
         responses={HTTP_503_SERVICE_UNAVAILABLE: ResponseSpec(
             StatusOut, description="The database does not answer.")})
    async def ready(self, probe: FromDishka[StorageProbe]) -> Response[StatusOut]:
        try:
            await asyncio.wait_for(probe.ping(), READY_TIMEOUT_S)
        except Exception:  # any failure to answer means not ready; the reason is not for clients
            return Response(StatusOut(status="unavailable"),
                            status_code=HTTP_503_SERVICE_UNAVAILABLE)
        return Response(StatusOut(status="ok"))
