"""The process pool under real misbehaviour: overruns, memory hogs, dying workers. Limits
here (timeouts, waits) only bound the test; nothing asserts on how long anything took."""

import asyncio
import contextlib
import multiprocessing
import os
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from tests import pool_tasks as tasks

from adapters.processes.pool import ProcessPool, WorkCrashed, WorkTimedOut

LIMIT_S = 30


@pytest.fixture
async def pools() -> AsyncIterator[Callable[..., ProcessPool]]:
    made: list[ProcessPool] = []

    def make(**options: Any) -> ProcessPool:
        made.append(ProcessPool(**options))
        return made[-1]

    yield make
    for pool in made:
        await pool.close()


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(LIMIT_S):
        while not condition():
            await asyncio.sleep(0.02)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def most_at_once(intervals: list[tuple[int, float, float]]) -> int:
    events = sorted([(start, 1) for _, start, _ in intervals]
                    + [(end, -1) for _, _, end in intervals])  # an end sorts before a start
    running = peak = 0
    for _, change in events:
        running += change
        peak = max(peak, running)
    return peak


async def test_a_task_returns_its_value_and_raises_its_own_errors(pools):
    pool = pools()
    assert await pool.run(tasks.add, 2, 3) == 5
    with pytest.raises(tasks.TaskFailed, match="bad input"):
        await pool.run(tasks.fail, "bad input")
    with pytest.raises(TimeoutError, match="the task's own timeout") as raised:
        await pool.run(tasks.raise_timeout)
    assert not isinstance(raised.value, WorkTimedOut)


async def test_a_runaway_task_is_killed_while_the_other_worker_finishes(pools, tmp_path):
    pool = pools(workers=2)
    started = tmp_path / "runaway.pid"
    runaway, neighbour = await asyncio.gather(
        pool.run(tasks.spin_forever, started, timeout_s=0.5),
        pool.run(tasks.interval, 2.0),
        return_exceptions=True)
    assert isinstance(runaway, WorkTimedOut)
    assert neighbour[0] != int(started.read_text())  # it ran beside the runaway, and finished
    await until(lambda: gone(int(started.read_text())))
    assert await pool.run(tasks.add, 1, 1) == 2


async def test_a_memory_hog_gets_memory_error_and_its_worker_lives_on(pools):
    pool = pools(workers=1, memory_mb=256)
    worker = await pool.run(tasks.pid)
    with pytest.raises(MemoryError):
        await pool.run(tasks.allocate, 1024)
    assert await pool.run(tasks.pid) == worker
    assert await pool.run(tasks.allocate, 16) == 16 * 1024 * 1024


@pytest.mark.parametrize("suicide", [tasks.exit_abruptly, tasks.kill_itself])
async def test_a_worker_that_dies_is_a_crash_and_is_replaced(pools, suicide):
    pool = pools(workers=1)
    with pytest.raises(WorkCrashed):
        await pool.run(suicide)
    assert await pool.run(tasks.add, 1, 1) == 2


async def test_cancelling_the_caller_kills_the_worker_running_the_task(pools, tmp_path):
    pool = pools(workers=1)
    started = tmp_path / "cancelled.pid"
    caller = asyncio.create_task(pool.run(tasks.spin_forever, started, timeout_s=600))
    await until(started.exists)
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    await until(lambda: gone(int(started.read_text())))
    assert await pool.run(tasks.add, 1, 1) == 2  # the only worker was replaced


async def test_no_more_tasks_run_at_once_than_there_are_workers(pools):
    pool = pools(workers=2)
    intervals = await asyncio.gather(*(pool.run(tasks.interval, 0.3) for _ in range(5)))
    assert most_at_once(intervals) <= 2
    assert len({pid for pid, _, _ in intervals}) <= 2


async def test_workers_are_replaced_after_tasks_per_child_tasks(pools):
    pool = pools(workers=1, tasks_per_child=2)
    pids = [await pool.run(tasks.pid) for _ in range(4)]
    assert len(set(pids)) >= 2


async def test_the_pool_recovers_when_an_idle_worker_is_killed(pools):
    pool = pools(workers=1)
    os.kill(await pool.run(tasks.pid), 9)
    # pebble gives up on a pool whose idle worker died; the task that meets that may fail,
    # the next one gets a new pool.
    with contextlib.suppress(WorkCrashed):
        await pool.run(tasks.add, 1, 1)
    assert await pool.run(tasks.add, 1, 1) == 2


async def test_closing_fails_waiting_tasks_instead_of_leaving_them_hanging(pools):
    pool = pools(workers=1)
    await pool.run(tasks.add, 1, 1)
    callers = [asyncio.create_task(pool.run(tasks.sleep_then_return, 60, "late"))
               for _ in range(3)]
    await asyncio.sleep(0)  # every caller has handed its task to the pool
    await pool.close()
    async with asyncio.timeout(LIMIT_S):
        outcomes = await asyncio.gather(*callers, return_exceptions=True)
    assert all(isinstance(outcome, WorkCrashed) for outcome in outcomes)


def test_constructing_a_pool_starts_no_process():
    before = len(multiprocessing.active_children())
    ProcessPool(workers=4)
    assert len(multiprocessing.active_children()) <= before


async def test_workers_run_only_on_cpu_time_the_service_leaves_idle(pools):
    """SCHED_IDLE: a waking API process preempts a render at once (a nice value alone let a
    render hold a core for its slice)."""
    policy, _ = await pools(workers=1).run(tasks.scheduling)
    assert policy == os.SCHED_IDLE
    assert os.sched_getscheduler(0) != os.SCHED_IDLE  # the caller's own priority is untouched
