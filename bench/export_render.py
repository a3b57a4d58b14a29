"""Exports under load: a ≈ 30,000-word document rendered to PDF and DOCX (wall time and the
worker's peak memory), and `/health` latency of the real `tesigo serve` while 4 PDF renders
run in its worker processes, next to its idle latency.

    uv run python bench/export_render.py [--words 30000] [--probes 400]

Renders are measured each in a fresh spawned process, as the service's pool runs them: its
first render pays the import of WeasyPrint, a second one in the same process shows the warm
cost. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.processes import Served, run_tesigo, tesigo_env  # noqa: E402

SECRET = "bench-secret-key-0123456789abcdefghijklmnop"


def measure_render(format: str, language: str, words: int) -> dict[str, float]:
    """In a fresh process: two renders of the same manuscript, timed, and the peak RSS."""
    from tests.manuscripts import a_large_manuscript

    from adapters.rendering.pooled import RENDERERS, render_in_worker
    from domain.manuscripts import ExportFormat

    manuscript = a_large_manuscript(words=words, language=language)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, size = [], 0
    for _ in range(2):
        started = time.perf_counter()
        data = render_in_worker(RENDERERS[ExportFormat(format)], manuscript)
        times.append(time.perf_counter() - started)
        size = len(data)
    pages = 0
    if format == "pdf":
        import io

        from pypdf import PdfReader
        pages = len(PdfReader(io.BytesIO(data)).pages)
    words_out = sum(len(block.text.split()) for section in manuscript.sections
                    for block in section.blocks)
    return {"first_s": times[0], "warm_s": times[1], "bytes": size, "pages": pages,
            "words": words_out, "baseline_mb": baseline,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def render_table(words: int) -> list[str]:
    rows = ["| format | language | words | pages | size | first render | warm render | "
            "RSS before | peak RSS |", "|---|---|---|---|---|---|---|---|---|"]
    context = multiprocessing.get_context("spawn")
    for format, language in (("pdf", "en"), ("pdf", "uk"), ("docx", "en"), ("docx", "uk")):
        with context.Pool(1) as pool:
            r = pool.apply(measure_render, (format, language, words))
        rows.append(f"| {format} | {language} | {r['words']:,.0f} | {r['pages'] or '—'} | "
                    f"{r['bytes'] / 1024:,.0f} KB | {r['first_s']:.2f} s | "
                    f"{r['warm_s']:.2f} s | {r['baseline_mb']:.0f} MB | {r['peak_mb']:.0f} MB |")
    return rows


async def seed(database_url: str, documents: int, words: int) -> tuple[str, list[str]]:
    """A user and `documents` written documents of `words` words, straight into storage;
    an access token for the user."""
    from bench.seed_documents import written_document

    from adapters.auth.jwt_tokens import JwtTokenIssuer
    from adapters.sql.documents import SqlDocumentRepository
    from adapters.sql.engine import create_engine, make_session_factory
    from adapters.sql.users import SqlUserRepository
    from domain.ids import UserId
    from domain.users import Email, Role, User

    engine = create_engine(database_url)
    now = datetime.now(UTC)
    user = User(id=UserId(uuid4()), email=Email("bench@example.com"), role=Role.USER,
                created_at=now)
    async with make_session_factory(engine)() as session:
        await SqlUserRepository(session).add(user)
        ids = []
        for n in range(documents):
            document = written_document(user.id, words, n, now)
            await SqlDocumentRepository(session).add(document)
            ids.append(str(document.id))
        await session.commit()
    await engine.dispose()
    token = JwtTokenIssuer(secret=SECRET, issuer="tesigo", audience="tesigo-api").issue(user, now)
    return token, ids


def probe(client: httpx.Client, until: threading.Event | None, count: int) -> list[float]:
    """`/health` latencies in ms: `count` of them, or as many as fit until `until` is set."""
    latencies: list[float] = []
    while (until is None and len(latencies) < count) or (until is not None and not until.is_set()):
        started = time.perf_counter()
        assert client.get("/health").status_code == 200
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(0.005)
    return latencies


def p(latencies: list[float], q: float) -> float:
    return statistics.quantiles(latencies, n=100, method="inclusive")[int(q) - 1]


def health_under_renders(words: int, probes: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        env = tesigo_env(ENVIRONMENT="test", SECRET_KEY=SECRET,
                         DATABASE_URL=f"sqlite:///{cwd / 'bench.db'}",
                         STORAGE_DIR=str(cwd / "storage"), MAIL_DIR=str(cwd / "mail"),
                         RENDER_WORKERS="4", LOG_LEVEL="WARNING", RATE_LIMIT_API="100000/minute")
        assert run_tesigo("migrate", env=env, cwd=cwd).returncode == 0
        token, ids = asyncio.run(seed(env["DATABASE_URL"], 4, words))
        served = Served(env, cwd)
        try:
            served.wait_until_healthy()
            with httpx.Client(base_url=served.url, timeout=600) as client:
                probe(client, None, 50)  # warm-up
                idle = probe(client, None, probes)
                done, timings = threading.Event(), []

                def export(document_id: str) -> None:
                    started = time.perf_counter()
                    with httpx.Client(base_url=served.url, timeout=600) as own:
                        answer = own.get(f"/api/v1/documents/{document_id}/export",
                                         params={"format": "pdf"},
                                         headers={"Authorization": f"Bearer {token}"})
                    assert answer.status_code == 200, answer.text
                    timings.append(time.perf_counter() - started)

                threads = [threading.Thread(target=export, args=(i,)) for i in ids]
                for thread in threads:
                    thread.start()
                watcher = threading.Thread(target=lambda: ([t.join() for t in threads],
                                                           done.set()))
                watcher.start()
                busy = probe(client, done, 0)
                watcher.join()
        finally:
            served.stop()
    return ["| /health | probes | p50 | p99 | max |", "|---|---|---|---|---|",
            f"| idle | {len(idle)} | {p(idle, 50):.1f} ms | {p(idle, 99):.1f} ms | "
            f"{max(idle):.1f} ms |",
            f"| 4 PDF renders running | {len(busy)} | {p(busy, 50):.1f} ms | "
            f"{p(busy, 99):.1f} ms | {max(busy):.1f} ms |",
            "", f"The 4 exports answered in {min(timings):.1f}–{max(timings):.1f} s "
            "(each a fresh render of its own document)."]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=30_000)
    parser.add_argument("--probes", type=int, default=400)
    args = parser.parse_args()
    print("\n".join(render_table(args.words)))
    print()
    print("\n".join(health_under_renders(args.words, args.probes)))


if __name__ == "__main__":
    main()
