"""The demo's generation jobs, run by the worker's own job runner until each has ended."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from dishka import AsyncContainer

from application.jobs.get_job import GetJob
from application.jobs.policy import JobPolicy
from domain.jobs import GenerationJob
from entrypoints.config import Settings
from entrypoints.demo.calls import Calls
from entrypoints.worker.build import worker_name
from entrypoints.worker.jobs import JobRunner

POLL_S = 0.1


async def run_jobs(container: AsyncContainer, settings: Settings,
                   jobs: Sequence[GenerationJob], *, timeout_s: float) -> list[GenerationJob]:
    """The jobs as they ended. The runner claims due jobs as any worker does (so also jobs
    of real users that are due, which it runs as a worker would); it stops once the demo's
    jobs have ended, handing back whatever else it holds. TimeoutError past `timeout_s`."""
    if not jobs:
        return []
    call = Calls(container)
    runner = JobRunner(container, worker=f"seed-demo:{worker_name()}",
                       concurrency=settings.worker_concurrency,
                       policy=JobPolicy(lease_s=settings.job_lease_s), poll_s=POLL_S)
    running = asyncio.create_task(runner.run())
    try:
        async with asyncio.timeout(timeout_s):
            while True:
                ended = [await call(GetJob, job.owner, job.id) for job in jobs]
                if all(job.finished for job in ended):
                    return ended
                if running.done():
                    running.result()  # the runner's own failure, raised here
                await asyncio.sleep(POLL_S)
    finally:
        runner.stop()
        await running
