"""Task functions for the process-pool tests. Spawned workers import them by module path,
so they live in an importable module, not in a test file."""

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any


class TaskFailed(Exception):
    pass


def add(a: int, b: int) -> int:
    return a + b


def fail(message: str) -> None:
    raise TaskFailed(message)


def spin_forever(started: Path | None = None) -> None:
    if started is not None:  # the pid appears whole: written aside, then renamed into place
        # (render workers run at SCHED_IDLE: on a busy machine one can stop between
        # creating a file and writing it)
        aside = started.with_suffix(".writing")
        aside.write_text(str(os.getpid()))
        aside.rename(started)
    while True:
        pass


def sleep_then_return(seconds: float, value: str) -> str:
    time.sleep(seconds)
    return value


def allocate(mib: int) -> int:
    return len(bytearray(mib * 1024 * 1024))


def exit_abruptly() -> None:
    os._exit(3)


def kill_itself() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def interval(seconds: float) -> tuple[int, float, float]:
    """(pid, start, end) on the system-wide monotonic clock."""
    start = time.monotonic()
    time.sleep(seconds)
    return os.getpid(), start, time.monotonic()


def pid() -> int:
    return os.getpid()


def scheduling() -> tuple[int, int]:
    """This worker's scheduling policy and nice value."""
    return os.sched_getscheduler(0), os.getpriority(os.PRIO_PROCESS, 0)


def raise_timeout() -> None:
    raise TimeoutError("the task's own timeout")


def spin_render(manuscript: object) -> bytes:
    spin_forever()
    return b""


def hog_render(manuscript: object) -> bytes:
    return bytes(allocate(1024))


def crash_render(manuscript: object) -> bytes:
    kill_itself()
    return b""


def title(manuscript: Any) -> bytes:
    return str(manuscript.title).encode()


def imported(module: str) -> bool:
    """Whether the worker has `module` imported, without importing it."""
    return module in sys.modules
