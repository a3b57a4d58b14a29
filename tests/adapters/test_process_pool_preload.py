"""The pool's workers start before the first task when asked to, and import the `preload`
modules as they start: the first task of every worker, a replacement's too, finds them
already imported. Waits here only bound the test."""

import asyncio
import multiprocessing
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from tests import pool_tasks as tasks

from adapters.processes.pool import ProcessPool
from entrypoints.wiring.exports import PRELOADED

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


async def test_start_spawns_every_worker_before_any_task(pools):
    before = set(multiprocessing.active_children())
    pool = pools(workers=2)
    await pool.start()
    async with asyncio.timeout(LIMIT_S):
        while len(set(multiprocessing.active_children()) - before) < 2:
            await asyncio.sleep(0.02)
    await pool.start()  # again: nothing more
    assert len(set(multiprocessing.active_children()) - before) == 2


async def test_every_worker_has_the_renderer_imported_before_its_first_task(pools):
    pool = pools(workers=1, tasks_per_child=1, preload=("adapters.rendering.pdf",))
    await pool.start()
    first_worker, its_replacement = [await pool.run(tasks.imported, "weasyprint")
                                     for _ in range(2)]
    assert first_worker and its_replacement


async def test_without_preload_a_worker_imports_nothing_it_was_not_asked_for(pools):
    pool = pools(workers=1)
    assert await pool.run(tasks.imported, "weasyprint") is False


async def test_a_preload_that_fails_leaves_the_worker_taking_tasks(pools):
    pool = pools(workers=1, preload=("no_such_module_anywhere", "adapters.rendering.markdown"))
    assert await pool.run(tasks.add, 2, 3) == 5
    assert await pool.run(tasks.imported, "adapters.rendering.markdown")


def test_the_service_pool_preloads_every_renderer():
    assert {"adapters.rendering.pdf", "adapters.rendering.docx",
            "adapters.rendering.receipt_pdf"} <= set(PRELOADED)
