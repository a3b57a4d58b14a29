"""Starts the real `tesigo` command in a child process, as an operator would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from tests.smtp_server import free_port

TESIGO = [str(Path(sys.executable).with_name("tesigo"))]  # the installed console script


def tesigo_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "SMTP_"))}
    env.update(settings)
    return env


def run_tesigo(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TESIGO, *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


class Served:
    """`tesigo serve` on a free port, stopped with SIGTERM."""

    def __init__(self, env: dict[str, str], cwd: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = (cwd / f"serve-{self.port}.log").open("w")
        self.process = subprocess.Popen(
            [*TESIGO, "serve", "--host", "127.0.0.1", "--port", str(self.port), *extra],
            env=env, cwd=cwd, stdout=self._log, stderr=subprocess.STDOUT)
        self.log_path = Path(self._log.name)

    def wait_until_healthy(self, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tesigo serve exited:\n{self.log_path.read_text()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise TimeoutError(f"tesigo serve did not start:\n{self.log_path.read_text()}")

    def stop(self) -> int:
        """SIGTERM, as an orchestrator would. uvicorn shuts down cleanly, then re-raises the
        signal, so a clean stop exits with -SIGTERM."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=20)
        finally:
            self._log.close()


@contextmanager
def serving(env: dict[str, str], cwd: Path, *extra: str) -> Iterator[Served]:
    """`tesigo migrate`, then `tesigo serve` (healthy) until the block ends."""
    migrated = run_tesigo("migrate", env=env, cwd=cwd)
    assert migrated.returncode == 0, migrated.stderr + migrated.stdout
    served = Served(env, cwd, *extra)
    try:
        served.wait_until_healthy()
        yield served
    finally:
        served.stop()
