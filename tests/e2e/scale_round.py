"""One round of the scale-out measurement: `workers` real `tesigo worker` processes on a
backlog of short jobs queued while they were stopped, timed from their resumption to the
last job's end, then checked for jobs claimed twice."""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from tests.e2e.backlog import queue_backlog
from tests.e2e.job_audit import JobRecord, audit, wait_until_settled
from tests.e2e.workers import WorkerFleet
from tests.integration.openai_server import OpenAiTestServer

WORKER_CONCURRENCY = 4
_TITLE = re.compile(r"^TITLE: (.+)$", re.M)


@dataclass(frozen=True, slots=True, kw_only=True)
class Round:
    workers: int
    jobs: list[JobRecord]
    seconds: float
    model_calls: int
    titles: dict[UUID, str]  # each job's document title
    calls_by_title: Counter[str]  # outline and section calls (claim checks name no title)
    calls_per_job: int  # what one job asks when it runs once

    @property
    def claimed_twice(self) -> list[JobRecord]:
        """Jobs claimed more than once, begun twice, ended twice or asked for twice."""
        return [job for job in self.jobs
                if job.attempts != 1 or job.starts != 1 or job.ends != 1
                or self.calls_by_title[self.titles[job.id]] != self.calls_per_job]

    def row(self) -> dict[str, float]:
        done = len(self.jobs)
        return {"workers": self.workers, "jobs": done, "seconds": self.seconds,
                "jobs_per_s": done / self.seconds,
                "calls_per_s": self.model_calls / self.seconds,
                "per_worker": done / self.seconds / self.workers,
                "claimed_twice": len(self.claimed_twice)}


async def scale_round(url: str, env: dict[str, str], cwd: Path, model: OpenAiTestServer, *,
                      workers: int, jobs: int, timeout_s: float) -> Round:
    """`env` runs `tesigo worker` on the migrated database `url` with `model` (one-section
    outlines: an outline call and a section call per job name its title)."""
    label = f"w{workers}x{jobs}"
    (cwd / label).mkdir(exist_ok=True)
    with WorkerFleet(env, cwd / label) as fleet:
        for _ in range(workers):
            fleet.start(WORKER_CONCURRENCY=str(WORKER_CONCURRENCY))
        await asyncio.to_thread(fleet.wait_until_started)
        await asyncio.sleep(1.0)  # past their first housekeeping round
        fleet.pause()
        try:
            queued = await queue_backlog(env, jobs, label=label)
            model.reset()
        finally:
            fleet.resume()
        started = time.perf_counter()
        await wait_until_settled(url, timeout_s)
        seconds = time.perf_counter() - started
    records, _ = await audit(url, [q.job for q in queued])
    calls = Counter(match.group(1) for request in model.requests if request.messages
                    if (match := _TITLE.search(str(request.messages[-1]["content"]))))
    return Round(workers=workers, jobs=records, seconds=seconds,
                 model_calls=len(model.requests), titles={q.job: q.title for q in queued},
                 calls_by_title=calls, calls_per_job=2)
