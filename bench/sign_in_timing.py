"""How long POST /api/v1/auth/magic-link takes for a known, an unknown and a blocked address,
on one `tesigo serve` process over PostgreSQL (the answer must not tell them apart).

    uv run python bench/sign_in_timing.py [--rounds 200]

Requests go one at a time, the three kinds interleaved, so each sees the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.mail_files import mailed_token  # noqa: E402
from tests.e2e.processes import Served, run_tesigo  # noqa: E402
from tests.postgres import fresh_database, postgres_server  # noqa: E402


def sign_in(client: httpx.Client, mail_dir: Path, email: str) -> dict[str, str]:
    client.post("/api/v1/auth/magic-link", json={"email": email}).raise_for_status()
    token = mailed_token(mail_dir, email)
    access = client.post("/api/v1/auth/verify-magic-link", json={"token": token}
                         ).json()["access_token"]
    return {"Authorization": f"Bearer {access}"}


def measure(client: httpx.Client, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"known": [], "unknown": [], "blocked": []}
    for _ in range(rounds):
        for kind, samples in times.items():
            email = (f"{uuid.uuid4().hex[:12]}@example.com" if kind == "unknown"
                     else f"{kind}@example.com")
            started = time.perf_counter()
            answer = client.post("/api/v1/auth/magic-link", json={"email": email})
            samples.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 202, answer.text
            time.sleep(0.005)  # let the delivery after the answer finish
    return times


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    async with postgres_server() as server_url, fresh_database(server_url) as url:
        work = Path(os.environ.get("TMPDIR", "/tmp")) / f"tesigo-bench-{os.getpid()}"
        work.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "ENVIRONMENT": "test", "DATABASE_URL": url,
               "MAIL_DIR": str(work / "mail"), "ADMIN_EMAILS": "boss@example.com",
               "RATE_LIMIT_SIGNIN": "100000/minute", "RATE_LIMIT_MAGIC_LINK": "100000/hour",
               "LOG_LEVEL": "WARNING"}
        run_tesigo("migrate", env=env, cwd=work)
        served = Served(env, work, "--no-worker")
        try:
            served.wait_until_healthy()
            with httpx.Client(base_url=served.url, timeout=10) as client:
                admin = sign_in(client, work / "mail", "boss@example.com")
                sign_in(client, work / "mail", "known@example.com")
                sign_in(client, work / "mail", "blocked@example.com")
                users = client.get("/api/v1/admin/users", headers=admin).json()["items"]
                [blocked] = [u for u in users if u["email"] == "blocked@example.com"]
                client.post(f"/api/v1/admin/users/{blocked['id']}/block",
                            headers=admin).raise_for_status()
                measure(client, 20)  # warm up
                times = measure(client, args.rounds)
        finally:
            served.stop()
    print(f"{args.rounds} requests of each kind, one at a time, interleaved\n")
    print("| address | median ms | p90 ms |\n|---|---|---|")
    for kind, samples in times.items():
        samples.sort()
        print(f"| {kind} | {statistics.median(samples):.2f} | "
              f"{samples[int(len(samples) * 0.9)]:.2f} |")


if __name__ == "__main__":
    asyncio.run(main())
