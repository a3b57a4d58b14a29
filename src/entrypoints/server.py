"""Builds the served application: container, app and the embedded worker's lifecycle."""

from __future__ import annotations

import asyncio

from litestar import Litestar

from adapters.processes.pool import ProcessPool
from entrypoints.config import Settings
from entrypoints.error_tracking import watch_tasks
from entrypoints.http.app import create_app
from entrypoints.ioc import make_container
from entrypoints.loop_lag import LoopLagMonitor
from entrypoints.worker.build import build_worker


def build_app(settings: Settings, *, embedded_worker: bool = True) -> Litestar:
    container = make_container(settings, read_replica=True)
    worker = build_worker(container, settings)
    tasks: list[asyncio.Task[None]] = []
    monitors: list[asyncio.Task[None]] = []

    async def start_worker() -> None:
        if embedded_worker:
            tasks.append(asyncio.create_task(worker.run(), name="embedded-worker"))

    async def start_the_renderers() -> None:
        # Before the first request, so none waits for a worker to spawn and import
        # WeasyPrint; spawning runs in a thread, the imports in the workers themselves.
        await (await container.get(ProcessPool)).start()

    async def watch_the_loop() -> None:
        monitors.append(asyncio.create_task(LoopLagMonitor().run(), name="loop-lag"))

    async def stop() -> None:
        for monitor in monitors:
            monitor.cancel()
        worker.stop()
        await asyncio.gather(*tasks, *monitors, return_exceptions=True)
        await container.close()

    return create_app(container, settings,
                      on_startup=[watch_tasks, start_worker, start_the_renderers, watch_the_loop],
                      on_shutdown=[stop])
