"""Load with the SLOs (issue 16): Locust, headless and bounded, with 100 signed-in users
doing a writer's mix against ONE `tesigo serve --no-worker` process on a fresh PostgreSQL
database; optionally 4 PDF exports of 4 large distinct documents rendering in the middle of
the run. SLOs: p95 < 200 ms, errors < 0.1 %, event-loop lag p99 < 10 ms (also while the
exports render).

    uv sync -q --group bench
    uv run --group bench python bench/load_test.py [--minutes 5] [--users 100] [--exports]

Exports are rendered synchronously in the API's own render pool (no job, so no worker is
needed); the pool starts, and its workers import WeasyPrint, before the first request.
Locust runs on the same machine as the service (2 cores here) and takes CPU from it: the
latencies and the loop lag are those of a server sharing its cores with its load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.load.accounts import Account, add_documents, export, prepare  # noqa: E402
from bench.load.report import lag_between, lag_buckets, lag_quantile, read_log, share_within, table  # noqa: E402
from tests.e2e.processes import Served, run_tesigo, tesigo_env  # noqa: E402
from tests.postgres import fresh_database, postgres_server  # noqa: E402
from tests.smtp_server import SmtpTestServer  # noqa: E402

LOCUSTFILE = ROOT / "bench" / "load" / "locustfile.py"
RAISED_LIMITS = {"RATE_LIMIT_API": "100000000/minute", "RATE_LIMIT_SIGNIN": "1000000/minute",
                 "RATE_LIMIT_MAGIC_LINK": "1000000/hour"}


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (not of its children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def scrape(url: str) -> dict[float, float]:
    return lag_buckets(httpx.get(f"{url}/metrics", timeout=30).text)


def locust(url: str, accounts: Path, log: Path, out: Path, args: argparse.Namespace,
           ) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LOAD_ACCOUNTS": str(accounts), "LOAD_REQUEST_LOG": str(log),
           "LOAD_THINK_S": args.think}
    return subprocess.Popen(
        [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
         "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds:.0f}s",
         "--host", url, "--csv", str(out / "locust"), "--only-summary", "--stop-timeout", "10",
         "--loglevel", "WARNING"], env=env, stdout=(out / "locust.out").open("w"),
        stderr=subprocess.STDOUT)


class Exports:
    """4 PDF exports at once, from 4 threads, each exporting its share of the distinct large
    documents one after another (with `--export-rounds` K, 4 × K documents: K in turn per
    thread, so 4 render all along a window K times as long, and the window's loop-lag p99
    rests on K times as many samples); the window from the first start to the last answer."""

    def __init__(self, url: str, account: Account, documents: list[str]) -> None:
        self._url, self._account, self._documents = url, account, documents
        self.times: list[float] = []
        self.started = self.ended = 0.0

    def _export_in_turn(self, documents: list[str]) -> None:
        for document in documents:
            self.times.append(export(self._url, self._account, document)[0])

    def run(self) -> None:
        self.started = time.time()
        threads = [threading.Thread(target=self._export_in_turn,
                                    args=(self._documents[lane::4],)) for lane in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.ended = time.time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--spawn-rate", type=int, default=20)
    parser.add_argument("--think", default="0.5,2", help="think time between requests, s")
    parser.add_argument("--documents", type=int, default=5, help="per user (last: exported)")
    parser.add_argument("--words", type=int, default=2000, help="of each user's document")
    parser.add_argument("--exports", action="store_true",
                        help="4 PDF exports of large documents render mid-run")
    parser.add_argument("--large-words", type=int, default=30_000)
    parser.add_argument("--export-rounds", type=int, default=1,
                        help="large documents each of the 4 export threads renders in turn")
    parser.add_argument("--idle-seconds", type=float, default=20.0)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    args.seconds = args.minutes * 60
    out = args.out or Path(tempfile.mkdtemp(prefix="tesigo-load-"))
    out.mkdir(parents=True, exist_ok=True)
    asyncio.run(run(args, out))


async def run(args: argparse.Namespace, out: Path) -> None:
    async with postgres_server() as server_url, fresh_database(server_url) as database_url:
        await asyncio.to_thread(measure, args, out, database_url)


def measure(args: argparse.Namespace, out: Path, database_url: str) -> None:
    with SmtpTestServer() as smtp:
        env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=database_url, SMTP_HOST=smtp.host,
                         SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                         STORAGE_DIR=str(out / "storage"), RENDER_WORKERS="4",
                         RENDER_TIMEOUT_S="900",  # 4 large PDFs on 2 busy cores
                         **RAISED_LIMITS)
        for name in [key for key in env if key.startswith(("OPENAI_", "SOURCES_", "LLM_"))]:
            del env[name]
        migrated = run_tesigo("migrate", env=env, cwd=out)
        assert migrated.returncode == 0, migrated.stderr
        served = Served(env, out, "--no-worker")
        try:
            served.wait_until_healthy(timeout_s=120)
            measured(served.url, served.process.pid, database_url, smtp, args, out)
        finally:
            served.stop()


def measured(url: str, server_pid: int, database_url: str, smtp: SmtpTestServer,
             args: argparse.Namespace, out: Path) -> None:
    began = time.perf_counter()
    accounts = prepare(url, database_url, out / "storage", smtp, users=args.users + 1,
                       documents=args.documents, words=args.words)
    author = accounts.pop()  # the 4 large exports' owner, not one of the users
    large = (add_documents(url, database_url, author, 4 * args.export_rounds, args.large_words)
             if args.exports else [])
    (out / "accounts.json").write_text(json.dumps([a.as_json() for a in accounts]))
    print(f"prepared {len(accounts)} accounts in {time.perf_counter() - began:.0f} s; "
          f"load average {load_average()}", flush=True)
    idle_from = scrape(url)
    time.sleep(args.idle_seconds)  # the loop's lag with no load: what the machine adds
    idle = lag_between(idle_from, scrape(url))
    print(f"idle {args.idle_seconds:g} s: loop lag p99 {1000 * lag_quantile(idle, 0.99):.1f} ms, "
          f"{100 * share_within(idle, 0.01):.2f} % within 10 ms; load average "
          f"{load_average()}", flush=True)
    log = out / "requests.csv"
    before, server_cpu = scrape(url), cpu_seconds(server_pid)
    started = time.time()
    users = locust(url, out / "accounts.json", log, out, args)
    time.sleep(1)
    locust_cpu = cpu_seconds(users.pid)
    exports = Exports(url, author, large)
    window: tuple[dict[float, float], dict[float, float]] | None = None
    if args.exports:
        time.sleep(args.seconds / 5)  # after the ramp-up
        at_start = scrape(url)
        exports.run()
        window = (at_start, scrape(url))
    # read until Locust ends (a reaped process has no /proc entry left)
    locust_cpu_end, server_cpu_end = cpu_seconds(users.pid), cpu_seconds(server_pid)
    while users.poll() is None and time.time() < started + args.seconds + 120:
        locust_cpu_end, server_cpu_end = cpu_seconds(users.pid), cpu_seconds(server_pid)
        time.sleep(1)
    code = users.wait(timeout=30)
    after, elapsed = scrape(url), time.time() - started
    print(f"locust exited {code}; load average {load_average()}\n", flush=True)
    requests = read_log(log)
    server, load = server_cpu_end - server_cpu, locust_cpu_end - locust_cpu
    print(f"CPU over the {elapsed:.0f} s run: the API process {server:.1f} s "
          f"({100 * server / elapsed:.0f} % of one core; {1000 * server / len(requests):.1f} ms "
          f"per request), Locust {load:.1f} s ({100 * load / elapsed:.0f} %); "
          f"{len(requests) / elapsed:.0f} requests/s\n", flush=True)
    print("\n".join(table(requests, lag_between(before, after),
                          f"{args.users} users, {args.minutes:g} min, think {args.think} s, "
                          f"whole run from {time.strftime('%H:%M:%S', time.gmtime(started))} "
                          f"UTC")))
    if window is not None:
        inside = [r for r in requests if exports.started <= r.at <= exports.ended]
        print()
        print("\n".join(table(inside, lag_between(*window),
                              f"while 4 PDF exports at a time of {args.large_words:,}-word "
                              f"documents render ({len(exports.times)} in all, "
                              f"{exports.ended - exports.started:.1f} s; each export "
                              f"answered in {min(exports.times):.1f}–{max(exports.times):.1f} "
                              f"s)")))
    print(f"\nfiles in {out}")


if __name__ == "__main__":
    main()
