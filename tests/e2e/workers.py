"""Real `tesigo worker` processes for end-to-end tests and benchmarks: started, SIGKILLed
and replaced as an orchestrator would, and stopped with SIGTERM at the end."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from types import TracebackType

from tests.e2e.processes import TESIGO


class WorkerFleet:
    """`tesigo worker` processes sharing one environment; each writes `worker-<n>.log` in
    `cwd`. Leaving the `with` block stops every one still running (SIGTERM, then SIGKILL
    after `stop_timeout_s`)."""

    def __init__(self, env: dict[str, str], cwd: Path, *, stop_timeout_s: float = 30.0) -> None:
        self._env, self._cwd, self._stop_timeout_s = env, cwd, stop_timeout_s
        self.started: list[subprocess.Popen[bytes]] = []
        self.killed = 0

    def start(self, **settings: str) -> subprocess.Popen[bytes]:
        """One more worker, with `settings` on top of the fleet's environment."""
        log = (self._cwd / f"worker-{len(self.started)}.log").open("w")
        worker = subprocess.Popen([*TESIGO, "worker"], cwd=self._cwd, stdout=log,
                                  stderr=subprocess.STDOUT, env={**self._env, **settings})
        log.close()  # the child has its own copy
        self.started.append(worker)
        return worker

    def wait_until_started(self, timeout_s: float = 180.0) -> None:
        """Until every running worker logged that it started (its imports take seconds, a
        minute on a loaded machine). Needs LOG_LEVEL at INFO or below."""
        deadline = time.monotonic() + timeout_s
        while not self.all_started():
            if time.monotonic() > deadline:
                raise TimeoutError(f"workers did not start:\n{self.logs()}")
            time.sleep(0.2)

    def all_started(self) -> bool:
        """Whether every running worker logged that it started."""
        return all("worker started" in self._log_of(n)
                   for n, worker in enumerate(self.started) if worker.poll() is None)

    def _log_of(self, n: int) -> str:
        return (self._cwd / f"worker-{n}.log").read_text(errors="replace")

    @property
    def running(self) -> list[subprocess.Popen[bytes]]:
        return [worker for worker in self.started if worker.poll() is None]

    def kill(self, worker: subprocess.Popen[bytes]) -> None:
        """SIGKILL: the worker gets no chance to hand anything back."""
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        self.killed += 1

    def pause(self) -> None:
        """SIGSTOP every running worker (for queueing a backlog they all find at once)."""
        for worker in self.running:
            os.kill(worker.pid, signal.SIGSTOP)

    def resume(self) -> None:
        for worker in self.running:
            os.kill(worker.pid, signal.SIGCONT)

    def stop(self) -> None:
        for worker in self.running:
            os.kill(worker.pid, signal.SIGCONT)  # a stopped process ignores SIGTERM until then
            worker.send_signal(signal.SIGTERM)
        for worker in self.started:
            try:
                worker.wait(timeout=self._stop_timeout_s)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)

    def logs(self) -> str:
        """Every worker's log, for a failing test's message."""
        return "\n".join(f"--- worker-{n}.log\n{self._log_of(n)}"
                         for n in range(len(self.started)))

    def __enter__(self) -> WorkerFleet:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()
