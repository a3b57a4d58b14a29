"""Scale-out of the job queue: 1, 2 and 4 `tesigo worker` processes on one PostgreSQL.

    uv run python bench/scale_out.py [--jobs 2000] [--workers 1 2 4]

For each worker count: a fresh database (TEST_DATABASE_URL or the local server), that many
real `tesigo worker` processes (WORKER_CONCURRENCY=4 each), `--jobs` one-section essays
queued through the application itself while the workers are stopped (SIGSTOP), and the
local OpenAI-compatible test server answering at once (a fast local model). The clock runs
from the workers' resumption (SIGCONT) to the last job's end. Each job is an outline call,
a section call and its claim check. A job counts as claimed twice when it was claimed
(attempts), begun, ended or asked of the model more than once. Results go to stdout as a
markdown table, for docs/performance.md. The database's statement counts per job come from
`pg_stat_database` (transactions) of the round's database.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.backlog import UNLIMITED, short_outlines  # noqa: E402
from tests.e2e.processes import TESIGO, tesigo_env  # noqa: E402
from tests.e2e.scale_round import WORKER_CONCURRENCY, scale_round  # noqa: E402
from tests.integration.openai_server import OpenAiTestServer  # noqa: E402
from tests.postgres import fresh_database, postgres_server  # noqa: E402

_TRANSACTIONS = ("SELECT xact_commit + xact_rollback FROM pg_stat_database "
                 "WHERE datname = current_database()")


async def transactions(url: str) -> int:
    connection = await asyncpg.connect(url)
    try:
        return int(await connection.fetchval(_TRANSACTIONS))
    finally:
        await connection.close()


async def measure(server_url: str, workers: int, jobs: int) -> dict[str, float]:
    async with fresh_database(server_url) as url:
        model = OpenAiTestServer(json_responder=short_outlines(1))
        model.start()
        env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=url, OPENAI_BASE_URL=model.base_url,
                         OPENAI_API_KEY="bench", LLM_MODEL="test-model", JOB_POLL_S="0.2",
                         LOG_LEVEL="INFO", **UNLIMITED)
        subprocess.run([*TESIGO, "migrate"], env=env, check=True, capture_output=True)
        try:
            with tempfile.TemporaryDirectory() as cwd:
                before = await transactions(url)
                done = await scale_round(url, env, Path(cwd), model, workers=workers,
                                         jobs=jobs, timeout_s=3600)
                after = await transactions(url)
        finally:
            model.stop()
    row = done.row()
    row["transactions_per_job"] = (after - before) / jobs  # queueing included
    return row


def table(rows: list[dict[str, float]]) -> str:
    lines = [f"Each worker runs WORKER_CONCURRENCY={WORKER_CONCURRENCY}; the model answers at "
             "once; each job is 3 model calls.", "",
             "| workers | jobs | wall s | jobs/s | model calls/s | per-worker jobs/s "
             "| claimed twice | DB transactions per job |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['workers']:.0f} | {r['jobs']:.0f} | {r['seconds']:.1f} | "
                     f"{r['jobs_per_s']:.1f} | {r['calls_per_s']:.1f} | "
                     f"{r['per_worker']:.1f} | {r['claimed_twice']:.0f} | "
                     f"{r['transactions_per_job']:.1f} |")
    return "\n".join(lines)


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[1])
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "INFO")
    async with postgres_server() as server_url:
        rows = []
        for workers in args.workers:
            rows.append(await measure(server_url, workers, args.jobs))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(table(rows))


def _exit_on_sigterm(*_: object) -> None:
    raise SystemExit(143)  # unwinds the `with` blocks: the workers stop, the database goes


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    asyncio.run(main())
