"""Units of work for the steps of a job written at once: a request scope of the container
each, so each step has its own session and transaction."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from dishka import AsyncContainer

from application.jobs.job_steps import JobSteps
from application.jobs.write_job_section import WriteJobSection


class ContainerJobSteps(JobSteps):
    def __init__(self, container: AsyncContainer) -> None:
        self._container = container

    @asynccontextmanager
    async def section(self) -> AsyncIterator[WriteJobSection]:
        async with self._container() as scope:
            yield await scope.get(WriteJobSection)
