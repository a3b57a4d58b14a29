"""An authenticated GET /api/v1/documents/{id} through the whole stack (JWT, user state,
ownership, dishka, SQLAlchemy) against a bare Litestar handler doing one asyncpg fetchrow by
primary key, both on one uvicorn process and the same PostgreSQL row.

    uv run python bench/api_get_document.py [--connections 50] [--seconds 10]

The load comes from `wrk` when it is installed (Debian package `wrk`), else from this
process with httpx, which on 2 cores saturates long before the server does (the ratio is
then all it tells). Either way the load generator shares the machine with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.processes import Served, run_tesigo  # noqa: E402
from tests.postgres import fresh_database, throwaway_cluster  # noqa: E402
from tests.smtp_server import free_port  # noqa: E402

SPEC = {"title": "Bridges", "topic": "Suspension bridges", "kind": "essay", "language": "en",
        "target_words": 1500, "citation_style": "apa"}


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNIT_MS[unit]


async def load(url: str, headers: dict[str, str], connections: int,
               seconds: float) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 latency in ms, over `seconds` of closed-loop load."""
    if shutil.which("wrk"):
        command = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, int(seconds))}s", "--latency",
                   *(arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")),
                   url]
        out = (await asyncio.to_thread(subprocess.run, command, capture_output=True,
                                       text=True, check=True)).stdout
        if "Non-2xx" in out:
            raise RuntimeError(f"wrk saw errors:\n{out}")
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
        p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
        return rate, p50, p99
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        async def one_connection() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.get(url, headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(one_connection() for _ in range(connections)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return (len(latencies) / elapsed, latencies[len(latencies) // 2] * 1000,
            latencies[int(len(latencies) * 0.99)] * 1000)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measured(pid: int, url: str, headers: dict[str, str], connections: int,
                   seconds: float) -> tuple[float, float, float, float]:
    """`load`'s figures and the server's CPU time per request in µs: the latter depends far
    less on what else the shared machine runs than the rate does."""
    before = cpu_seconds(pid)
    rate, p50, p99 = await load(url, headers, connections, seconds)
    cpu = cpu_seconds(pid) - before
    return rate, p50, p99, cpu / (rate * seconds) * 1e6


def sign_in_and_create(base: str, mail_dir: Path) -> tuple[dict[str, str], str]:
    with httpx.Client(base_url=base) as client:
        client.post("/api/v1/auth/magic-link", json={"email": "bench@example.com"})
        time.sleep(0.5)
        eml = sorted(mail_dir.glob("*.eml"))[-1]
        text = message_from_bytes(eml.read_bytes(), policy=default).get_body(
            preferencelist=("plain",)).get_content()
        token = re.search(r"token=([A-Za-z0-9_\-]+)", text).group(1)  # type: ignore[union-attr]
        access = client.post("/api/v1/auth/verify-magic-link", json={"token": token}
                             ).json()["access_token"]
        auth = {"Authorization": f"Bearer {access}"}
        document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
    return auth, document["id"]


def start_bare(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    bare = subprocess.Popen([sys.executable, str(ROOT / "bench" / "bare_app.py"), str(port),
                             url.replace("postgresql+asyncpg://", "postgresql://")])
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/documents/00000000-0000-0000-0000-000000000000"
                         ).status_code in (200, 500):
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    return bare, base


def profiling(pid: int, out: Path, seconds: float) -> subprocess.Popen[bytes]:
    """py-spy sampling `pid` for `seconds` into `out` (collapsed stacks, one line each)."""
    return subprocess.Popen(["py-spy", "record", "-r", "200", "--nonblocking", "-f", "raw",
                             "-d", str(max(1, int(seconds))), "-p", str(pid), "-o", str(out)],
                            stdout=subprocess.DEVNULL)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure the servers in turn this many times (the ratio per "
                             "round compares neighbours in time on a shared machine)")
    parser.add_argument("--before", type=Path, default=None,
                        help="another checkout of TesiGo (e.g. a `git worktree` of the "
                             "previous commit) served beside this one and measured in turn")
    parser.add_argument("--profile", type=Path, default=None, metavar="FILE",
                        help="record TesiGo's server with py-spy (collapsed stacks, 200 Hz) "
                             "during its first round's load; py-spy comes with "
                             "`uv sync --group bench`")
    parser.add_argument("--before-env", default="", metavar="'NAME=VALUE ...'",
                        help="settings for the --before server only, e.g. 'DB_POOL_SIZE=30'")
    args = parser.parse_args()
    # A cluster of its own: the servers hold up to 2 × (DB_POOL_SIZE + DB_MAX_OVERFLOW) + 20
    # connections, which must not crowd other users of a shared PostgreSQL.
    with throwaway_cluster() as server_url:
        await measure(args, server_url)


async def measure(args: argparse.Namespace, server_url: str) -> None:
    async with fresh_database(server_url) as url:
        work = Path(os.environ.get("TMPDIR", "/tmp")) / f"tesigo-bench-{os.getpid()}"
        work.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "ENVIRONMENT": "test", "DATABASE_URL": url,
               "MAIL_DIR": str(work / "mail"), "RATE_LIMIT_API": "100000000/minute",
               "RATE_LIMIT_SIGNIN": "100000/minute", "LOG_LEVEL": "WARNING"}
        run_tesigo("migrate", env=env, cwd=work)
        servers: list[Served] = [Served(env, work, "--no-worker")]
        if args.before is not None:
            old_path = os.pathsep.join(filter(None, [str(args.before / "src"),
                                                     env.get("PYTHONPATH")]))
            changed = dict(pair.split("=", 1) for pair in args.before_env.split())
            servers.append(Served({**env, **changed, "PYTHONPATH": old_path}, work,
                                  "--no-worker"))
        bare, bare_base = start_bare(url)
        try:
            for served in servers:
                served.wait_until_healthy(timeout_s=180)
            auth, document_id = sign_in_and_create(servers[0].url, work / "mail")
            targets = [("TesiGo GET /api/v1/documents/{id}",
                        f"{servers[0].url}/api/v1/documents/{document_id}", auth,
                        servers[0].process.pid)]
            if args.before is not None:
                targets.append((f"same, before ({args.before} {args.before_env})",
                                f"{servers[1].url}/api/v1/documents/{document_id}", auth,
                                servers[1].process.pid))
            targets.append(("bare Litestar + asyncpg fetchrow",
                            f"{bare_base}/documents/{document_id}", {}, bare.pid))
            for _, target, headers, _ in targets:
                await load(target, headers, args.connections, 2)  # warm up
            rounds = []
            for number in range(args.rounds):
                figures = []
                for index, (_, target, headers, pid) in enumerate(targets):
                    profiler = (profiling(pid, args.profile, args.seconds)
                                if args.profile and number == index == 0 else None)
                    figures.append(await measured(pid, target, headers, args.connections,
                                                  args.seconds))
                    if profiler is not None:
                        await asyncio.to_thread(profiler.wait, timeout=args.seconds + 30)
                rounds.append(figures)
        finally:
            for served in servers:
                served.stop()
            bare.terminate()
            bare.wait(timeout=10)
    generator = ("wrk" if shutil.which("wrk")
                 else "httpx in this process (wrk missing: the client saturates first)")
    print(f"{args.connections} connections, {args.seconds:.0f} s each, one server process "
          f"each, load from {generator}, {args.rounds} round(s) in turn\n")
    print("| round | server | req/s | p50 ms | p99 ms | CPU µs/request | ratio to bare |\n"
          "|---|---|---|---|---|---|---|")
    for number, figures in enumerate(rounds, 1):
        for (name, *_), (rate, p50, p99, cpu) in zip(targets, figures, strict=True):
            print(f"| {number} | {name} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {cpu:.0f} | "
                  f"{rate / figures[-1][0]:.2f} |")
    for index, (name, *_) in enumerate(targets[:-1]):
        ratios = sorted(figures[index][0] / figures[-1][0] for figures in rounds)
        cpu = sorted(figures[-1][3] / figures[index][3] for figures in rounds)
        print(f"\nratio, {name}: median {ratios[len(ratios) // 2]:.2f} "
              f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)}); bare's CPU per request "
              f"over this one's: median {cpu[len(cpu) // 2]:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
