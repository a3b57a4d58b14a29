"""A process pool for CPU work that must not run on the event loop (rendering, parsing).

Built on `pebble.ProcessPool` rather than `concurrent.futures.ProcessPoolExecutor`: pebble
gives every task its own timeout and, when a task overruns (or its caller cancels it), kills
the ONE worker running it and starts a fresh one; the other workers and their tasks go on.
concurrent.futures can neither time out nor stop a running task, and a worker that dies
breaks the whole executor.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import pebble
from pebble.common.types import RemoteTraceback

T = TypeVar("T")

# Workers are started fresh, never forked from this process: forking a process that runs
# threads (the event loop's executor, pebble's own manager threads) can copy a held lock.
# A fresh worker costs ~0.1 s, plus ~1.1 s for importing WeasyPrint: the `preload` modules
# are imported as the worker starts, before it takes a task, so no task pays for them.
_START_METHOD = "spawn"
_CLOSE_WAIT_S = 10.0


class WorkTimedOut(Exception):
    """The task ran past its time; its worker was killed."""


class WorkCrashed(Exception):
    """The worker died while running the task (OOM killer, a signal, `os._exit`), or the pool
    was closed or broke down before the task finished."""


WORKER_NICENESS = 19  # where SCHED_IDLE is missing


def lower_priority() -> None:
    """Run this process only on CPU time nobody else wants: Linux's SCHED_IDLE policy, under
    which a waking process of normal priority (the API's event loop) preempts it at once.
    At `nice 10` a render could hold a core until its time slice ran out: with 4 PDFs
    rendering on 2 cores, requests served meanwhile had a p99 of 33 ms, 20 ms under
    SCHED_IDLE (docs/performance.md). A render still gets a small share on a saturated host
    (SCHED_IDLE weighs 3 against 1024 for nice 0), and the pool's per-task timeout bounds
    it. Where the policy is missing, the lowest nice."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        os.nice(WORKER_NICENESS)


def limit_memory(memory_mb: int | None) -> None:
    """Worker initializer: `lower_priority` (renders must not slow the API down), and a
    capped address space, so a runaway allocation raises MemoryError inside the task instead
    of growing until the host's OOM killer picks a victim."""
    lower_priority()
    if memory_mb is None:
        return
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def prepare_worker(memory_mb: int | None, preload: tuple[str, ...]) -> None:
    """Worker initializer: `limit_memory`, then import the `preload` modules, so the tasks
    that need them find them imported. A module that fails to import here is left for the
    task that imports it to raise (where the caller sees the error), rather than killing
    the worker before it can take a task."""
    limit_memory(memory_mb)
    for module in preload:
        with contextlib.suppress(Exception):
            importlib.import_module(module)


class ProcessPool:
    """At most `workers` tasks run at once (more wait in line); each worker is replaced after
    `tasks_per_child` tasks, so leaks cannot pile up. A task gets `timeout_s` seconds (counted
    from when a worker takes it) and `memory_mb` MiB of address space.

    `run` returns the task's result or re-raises the task's own exception (MemoryError for
    an allocation past the ceiling); it raises WorkTimedOut for an overrun and WorkCrashed
    for a worker that died. Cancelling the caller kills the worker running the task.

    Every worker, the first ones and each replacement, imports the `preload` modules as it
    starts, before it takes a task. The processes start on `start` or on the first `run`,
    whichever comes first; constructing the pool starts none.
    """

    def __init__(self, *, workers: int = 2, tasks_per_child: int = 50,
                 timeout_s: float = 120.0, memory_mb: int | None = 2048,
                 preload: tuple[str, ...] = ()) -> None:
        if workers < 1 or tasks_per_child < 1 or timeout_s <= 0:
            raise ValueError("workers, tasks_per_child and timeout_s must be positive")
        self._workers, self._tasks_per_child = workers, tasks_per_child
        self._timeout_s, self._memory_mb, self._preload = timeout_s, memory_mb, preload
        self._pool: pebble.ProcessPool | None = None
        self._starting = asyncio.Lock()
        self._in_flight: set[Future[Any]] = set()

    @property
    def timeout_s(self) -> float:
        """The time a task gets when `run` is not told otherwise."""
        return self._timeout_s

    async def run(self, fn: Callable[..., T], *args: Any, timeout_s: float | None = None) -> T:
        limit = self._timeout_s if timeout_s is None else timeout_s
        pool = await self._started()
        future = pool.schedule(fn, args=args, timeout=limit)
        self._in_flight.add(future)
        try:
            return await asyncio.wrap_future(future)
        except TimeoutError as error:
            own = future.exception()  # asyncio passes on a copy, without the remote cause
            if isinstance(own, TimeoutError) and isinstance(own.__cause__, RemoteTraceback):
                raise own from own.__cause__  # the task's own TimeoutError, not pebble's
            raise WorkTimedOut(f"the task ran past {limit:g} s; its worker was killed") from error
        except pebble.ProcessExpired as error:
            raise WorkCrashed(f"the worker died (exit code {error.exitcode})") from error
        except BrokenProcessPool as error:
            # e.g. an idle worker was killed, or a result could not be unpickled: pebble
            # gives up on the whole pool, so the next task gets a new one.
            if self._pool is not pool:
                raise WorkCrashed("the process pool was closed") from error
            await self._discard(pool)
            raise WorkCrashed("the process pool broke down and was replaced") from error
        finally:
            self._in_flight.discard(future)

    async def start(self) -> None:
        """Start the worker processes now (off the event loop) rather than on the first
        `run`. Returns once they are spawned; each then imports its `preload` modules on its
        own, and a task that comes before a worker is done waits for it. Idempotent."""
        await self._started()

    async def close(self) -> None:
        """Stop the workers; tasks still running or waiting fail with WorkCrashed. Waits a
        bounded time, never hangs."""
        if self._pool is not None:
            await self._discard(self._pool)
        for future in tuple(self._in_flight):
            with contextlib.suppress(InvalidStateError):  # it finished meanwhile
                future.set_exception(BrokenProcessPool("the pool was closed"))

    async def _started(self) -> pebble.ProcessPool:
        async with self._starting:
            if self._pool is None or not self._pool.active:
                if self._pool is not None:
                    await self._discard(self._pool)
                pool = pebble.ProcessPool(
                    max_workers=self._workers, max_tasks=self._tasks_per_child,
                    initializer=prepare_worker, initargs=(self._memory_mb, self._preload),
                    context=multiprocessing.get_context(_START_METHOD))
                self._pool = pool  # before the await, so a cancelled start leaks nothing
                # `active` starts the workers; process start-up stays off the event loop.
                await asyncio.to_thread(lambda: pool.active)
            return self._pool

    async def _discard(self, pool: pebble.ProcessPool) -> None:
        if self._pool is pool:
            self._pool = None
        pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
        # pebble's join ignores its timeout once stopped; a daemon thread bounds the wait.
        joiner = threading.Thread(target=pool.join, name="process-pool-join", daemon=True)
        joiner.start()
        await asyncio.to_thread(joiner.join, _CLOSE_WAIT_S)
