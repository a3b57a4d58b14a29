"""`tesigo serve` starts its render workers before the first request, and each imports
WeasyPrint (which loads Pango) on its own, before any export asks for it: no request pays
for a spawn or an import. Read from /proc, without sending the service a single export."""

import time
from pathlib import Path

import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
WAIT_S = 60
START_S = 150  # start-up is mostly imports: slow on a loaded machine


def children(pid: int) -> list[int]:
    """The children of every thread of `pid` (the workers are spawned from a thread)."""
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


def is_pool_worker(pid: int) -> bool:
    return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()


def has_pango(pid: int) -> bool:
    return "libpango" in Path(f"/proc/{pid}/maps").read_text()


@pytest.mark.timeout(300)
@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc (Linux)")
def test_the_render_workers_are_up_and_warm_before_any_export(own_database: str,
                                                              tmp_path: Path) -> None:
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, RENDER_WORKERS="2",
                     STORAGE_DIR=str(tmp_path / "storage"), MAIL_DIR=str(tmp_path / "mail"))
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    served = Served(env, tmp_path, "--no-worker")
    try:
        served.wait_until_healthy(timeout_s=START_S)
        workers = [pid for pid in children(served.process.pid) if is_pool_worker(pid)]
        assert len(workers) == 2  # spawned before /health first answered
        deadline = time.monotonic() + WAIT_S
        while not all(has_pango(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(has_pango(pid) for pid in workers)
    finally:
        served.stop()
