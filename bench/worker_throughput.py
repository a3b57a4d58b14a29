"""Worker throughput against a model server of fixed latency.

    uv run python bench/worker_throughput.py [--delay 0.2] [--concurrency 1 8 32]

For each concurrency: a fresh PostgreSQL database (TEST_DATABASE_URL or the local server),
one real `tesigo worker` process with WORKER_CONCURRENCY set and SECTION_CONCURRENCY=1 (so
the concurrency is the model calls in flight: a job's sections, written in parallel by
default, would otherwise put up to 4 calls in flight per job), jobs queued through the
application itself while that worker is stopped (SIGSTOP), and the local OpenAI-compatible
test server answering every call after `--delay` seconds. The clock runs from the worker's
resumption (SIGCONT) to the last job's success. It reports model calls and sections per
second against the ideal (concurrency / delay), the worker's peak memory (VmHWM) and its
CPU time (user + system, from /proc/PID/stat) over the timed run per model call.
Results go to stdout, for docs/performance.md. BENCH_PROFILE=path runs the worker under
cProfile (its main thread only: threads, such as the bibliography's, are not profiled);
BENCH_PYSPY=path samples it with py-spy over the timed run (all threads, collapsed stacks;
py-spy comes with `uv sync --group bench`, so run it with `uv run --group bench`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.integration.openai_server import OpenAiTestServer  # noqa: E402
from tests.postgres import fresh_database, postgres_server  # noqa: E402

from adapters.llm.offline_brief import read_brief  # noqa: E402
from adapters.llm.offline_outline import fill_schema  # noqa: E402
from application.admin.create_admin import CreateAdmin  # noqa: E402
from application.documents.create_document import (  # noqa: E402
    CreateDocument,
    CreateDocumentRequest,
)
from application.jobs.start_generation import StartGeneration  # noqa: E402
from domain.documents import CitationStyle, DocumentSpec, Kind  # noqa: E402
from domain.jobs import JobState  # noqa: E402
from domain.languages import Language  # noqa: E402
from domain.ports.jobs import JobRepository  # noqa: E402
from domain.ports.quota import QuotaLedger  # noqa: E402
from domain.ports.transactions import TransactionManager  # noqa: E402
from domain.quota import LedgerReason  # noqa: E402
from entrypoints.config import load_settings  # noqa: E402
from entrypoints.ioc import make_container  # noqa: E402

SECTIONS = 4
OUTLINE = {"sections": [{"title": f"Part {n}", "target_words": 300,
                         "brief": f"What part {n} covers.", "queries": [f"throughput {n}"]}
                        for n in range(1, SECTIONS + 1)]}
TESIGO = str(Path(sys.executable).with_name("tesigo"))


def structured_answer(request: dict[str, Any]) -> Any:
    """The bench's outline (SECTIONS sections); any other structured call (a section's
    citation check) answered as the test server does by default."""
    response_format = request["response_format"]["json_schema"]
    if response_format["name"] == "outline":
        return OUTLINE
    user = next(m["content"] for m in reversed(request["messages"]) if m["role"] == "user")
    return fill_schema(response_format["schema"], read_brief(str(user)))


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_s(pid: int) -> float:
    """The process's CPU time so far (user + system, /proc/PID/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def worker_connected(url: str, timeout_s: float = 300.0) -> None:
    """Until a process other than this one has a connection to the database at `url`."""
    connection = await asyncpg.connect(url)
    try:
        deadline = time.monotonic() + timeout_s
        while not await connection.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"):
            if time.monotonic() > deadline:
                raise TimeoutError("the worker did not connect to the database")
            await asyncio.sleep(0.05)
    finally:
        await connection.close()


async def queue_jobs(env: dict[str, str], count: int) -> None:
    container = make_container(load_settings(env))
    try:
        async with container() as scope:
            user = await (await scope.get(CreateAdmin))("bench@example.com")
            await (await scope.get(QuotaLedger)).grant(user.id, 10**12, LedgerReason.GRANT,
                                                       user.created_at)
            await (await scope.get(TransactionManager)).commit()
        spec = DocumentSpec(title="Bench", topic="Throughput", kind=Kind.ESSAY,
                            language=Language("en"), target_words=1200,
                            citation_style=CitationStyle.APA)
        for _ in range(count):
            async with container() as scope:
                document = await (await scope.get(CreateDocument))(
                    CreateDocumentRequest(owner=user.id, spec=spec))
                await (await scope.get(StartGeneration))(user.id, document.id)
    finally:
        await container.close()


async def wait_until_done(env: dict[str, str], count: int) -> None:
    container = make_container(load_settings(env))
    try:
        while True:
            async with container() as scope:
                counts = await (await scope.get(JobRepository)).count_by_state()
            if counts.get(JobState.SUCCEEDED, 0) >= count:
                return
            if counts.get(JobState.FAILED, 0):
                raise RuntimeError("a bench job failed: see its error in generation_jobs")
            await asyncio.sleep(0.05)
    finally:
        await container.close()


async def measure(server_url: str, concurrency: int, delay: float) -> dict[str, float]:
    jobs = max(8, 2 * concurrency)
    async with fresh_database(server_url) as url:
        model = OpenAiTestServer(json_responder=structured_answer)
        model.answer_after(delay)
        model.start()
        env = {**os.environ, "ENVIRONMENT": "test", "DATABASE_URL": url,
               "OPENAI_BASE_URL": model.base_url, "OPENAI_API_KEY": "bench",
               "WORKER_CONCURRENCY": str(concurrency),
               # one section at a time per job: concurrency is then the calls in flight
               "SECTION_CONCURRENCY": "1", "JOB_POLL_S": "0.05",
               "DAILY_TOKEN_LIMIT": str(10**12), "GLOBAL_DAILY_TOKEN_LIMIT": str(10**12),
               "LOG_LEVEL": "WARNING"}
        subprocess.run([TESIGO, "migrate"], env=env, check=True, capture_output=True)
        command = [TESIGO, "worker"]
        if os.environ.get("BENCH_PROFILE"):  # cProfile the worker into BENCH_PROFILE.<n>
            command = [sys.executable, "-m", "cProfile", "-o",
                       f"{os.environ['BENCH_PROFILE']}.{concurrency}", TESIGO, "worker"]
        worker = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        try:
            # Start-up and imports are neither throughput nor per job: wait until the worker
            # polls the database (a fixed 3 s was too short on a loaded 2-core machine).
            await worker_connected(url)
            await asyncio.sleep(1.0)
            baseline = peak_rss_mb(worker.pid)
            # The jobs are queued while the worker is stopped, so that all of them wait for it
            # when the clock starts: queueing 64 jobs one by one through the application takes
            # the bench most of a second, which is neither the worker's time nor its work.
            os.kill(worker.pid, signal.SIGSTOP)
            try:
                await queue_jobs(env, jobs)
            finally:
                os.kill(worker.pid, signal.SIGCONT)
            started, cpu_before = time.perf_counter(), cpu_s(worker.pid)
            asked_before = len(model.requests)
            spy = sampling(worker.pid, concurrency)
            await wait_until_done(env, jobs)
            if spy is not None:  # py-spy writes its file when interrupted
                spy.send_signal(signal.SIGINT)
                await asyncio.to_thread(spy.wait, timeout=60)
            elapsed, cpu = time.perf_counter() - started, cpu_s(worker.pid) - cpu_before
            calls = len(model.requests) - asked_before
            peak = peak_rss_mb(worker.pid)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            model.stop()
    return {"concurrency": concurrency, "jobs": jobs, "seconds": elapsed, "calls": calls,
            "calls_per_s": calls / elapsed, "sections_per_s": jobs * SECTIONS / elapsed,
            "ideal_calls_per_s": concurrency / delay, "peak_mb": peak,
            "mb_per_job": (peak - baseline) / concurrency, "cpu_ms_per_call": 1000 * cpu / calls}


def sampling(pid: int, concurrency: int) -> subprocess.Popen[bytes] | None:
    """With BENCH_PYSPY set, py-spy samples the worker (BENCH_PYSPY_RATE Hz, 200 unless
    told, collapsed stacks) into BENCH_PYSPY.<concurrency> over the timed run."""
    if not os.environ.get("BENCH_PYSPY"):
        return None
    rate = os.environ.get("BENCH_PYSPY_RATE", "200")
    return subprocess.Popen(["py-spy", "record", "-r", rate, "--nonblocking", "-f", "raw",
                             "-p", str(pid), "-o", f"{os.environ['BENCH_PYSPY']}.{concurrency}"],
                            stdout=subprocess.DEVNULL)


def table(rows: list[dict[str, float]], delay: float) -> str:
    lines = [f"Model latency {delay * 1000:.0f} ms per call; each job is 1 outline call and "
             f"{SECTIONS} sections, one after another (model calls counted at the server).",
             "", "| WORKER_CONCURRENCY | jobs | model calls | wall s | model calls/s "
             "| ideal calls/s (concurrency ÷ latency) | % of ideal | sections/s "
             "| worker peak RSS MB | MB per in-flight job | worker CPU ms per model call |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['concurrency']:.0f} | {r['jobs']:.0f} | {r['calls']:.0f} | "
            f"{r['seconds']:.2f} | "
            f"{r['calls_per_s']:.1f} | {r['ideal_calls_per_s']:.1f} | "
            f"{100 * r['calls_per_s'] / r['ideal_calls_per_s']:.0f}% | "
            f"{r['sections_per_s']:.1f} | {r['peak_mb']:.0f} | {r['mb_per_job']:.2f} | "
            f"{r['cpu_ms_per_call']:.1f} |")
    return "\n".join(lines)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    args = parser.parse_args()
    async with postgres_server() as server_url:
        rows = [await measure(server_url, c, args.delay) for c in args.concurrency]
    print(table(rows, args.delay))


if __name__ == "__main__":
    asyncio.run(main())
