"""Scale-out on one PostgreSQL: 1, 2 and 4 `tesigo worker` processes, each over a backlog of
short jobs (one-section outlines, a model that answers at once). Every job succeeds and none
is claimed twice (attempts, its `starting` and final events, and the model calls naming its
document); the throughput per worker count is printed, never asserted (the machine is
shared). SCALE_JOBS sets the backlog per worker count (bench/scale_out.py runs 2,000)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.e2e.backlog import UNLIMITED, short_outlines
from tests.e2e.processes import run_tesigo, tesigo_env
from tests.e2e.scale_round import scale_round
from tests.integration.openai_server import OpenAiTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.scale]
JOBS = int(os.environ.get("SCALE_JOBS", "200"))
WORKER_COUNTS = (1, 2, 4)


@pytest.fixture
def model() -> Iterator[OpenAiTestServer]:
    server = OpenAiTestServer(json_responder=short_outlines(1))
    server.start()
    yield server
    server.stop()


@pytest.mark.timeout(900)
async def test_one_two_and_four_workers_claim_every_job_once(
        own_database: str, model: OpenAiTestServer, tmp_path: Path) -> None:
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database,
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test",
                     LLM_MODEL="test-model", JOB_POLL_S="0.2", LOG_LEVEL="INFO", **UNLIMITED)
    migrated = run_tesigo("migrate", env=env, cwd=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    report = []
    for workers in WORKER_COUNTS:
        done = await scale_round(own_database, env, tmp_path, model, workers=workers,
                                 jobs=JOBS, timeout_s=600)
        assert len(done.jobs) == JOBS
        assert [job for job in done.jobs if job.state != "succeeded"] == []
        assert done.claimed_twice == []
        row = done.row()
        report.append(f"{workers} worker(s): {JOBS} jobs in {row['seconds']:.1f} s, "
                      f"{row['jobs_per_s']:.1f} jobs/s, {row['per_worker']:.1f} per worker")
    print("\n" + "\n".join(report))
