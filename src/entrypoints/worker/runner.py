"""The background worker: runs generation jobs, delivers the e-mail outbox and keeps house
on a schedule.

It runs as `tesigo worker` (serving its own /metrics when WORKER_METRICS_PORT is set), or
inside `tesigo serve` unless `--no-worker`. Each task runs in its own container scope (its
own transaction); a failing round is logged and retried on the next tick, so one bad
message or a database blip never stops the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import structlog
from dishka import AsyncContainer
from prometheus_client import Counter, Gauge

from application.housekeeping import Housekeeping
from entrypoints.mail_delivery import deliver_outbox
from entrypoints.worker.jobs import JobRunner
from entrypoints.worker.metrics_server import MetricsServer

HOUSEKEEPING_EVERY_S = 300.0
log = structlog.get_logger("tesigo.worker")
RESERVATIONS_EXPIRED = Counter(
    "tesigo_reservations_expired_total",
    "Token reservations housekeeping released because their call never settled")
# Set by the worker's delivery loop only (an API process without a worker keeps 0), so
# max() over processes is the depth the workers counted at most OUTBOX_POLL_S ago.
OUTBOX_PENDING = Gauge("tesigo_email_outbox_pending",
                       "E-mails still to deliver, as the worker's last delivery round counted")


class Worker:
    def __init__(self, container: AsyncContainer, *, poll_s: float = 2.0,
                 housekeeping_every_s: float = HOUSEKEEPING_EVERY_S,
                 jobs: JobRunner | None = None, metrics: MetricsServer | None = None) -> None:
        self._container, self._jobs, self._metrics = container, jobs, metrics
        self._poll_s, self._housekeeping_every_s = poll_s, housekeeping_every_s
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Claim nothing more; finish or hand back what is held, then return from `run`."""
        self._stopping.set()
        if self._jobs is not None:
            self._jobs.stop()
        if self._metrics is not None:
            self._metrics.stop()

    async def run(self) -> None:
        log.info("worker started")
        loops = [self._every(self._poll_s, self.deliver_mail),
                 self._every(self._housekeeping_every_s, self.keep_house)]
        if self._jobs is not None:
            loops.append(self._jobs.run())
        if self._metrics is not None:
            loops.append(self._metrics.run())
        await asyncio.gather(*loops)
        log.info("worker stopped")

    async def deliver_mail(self) -> None:
        report = await deliver_outbox(self._container)
        OUTBOX_PENDING.set(report.pending)

    async def keep_house(self) -> None:
        async with self._container() as scope:
            report = await (await scope.get(Housekeeping))()
        RESERVATIONS_EXPIRED.inc(report.reservations)
        log.info("housekeeping", magic_links=report.magic_links, sessions=report.sessions,
                 mail=report.mail, reservations=report.reservations,
                 idempotency_keys=report.idempotency_keys)

    async def _every(self, period_s: float, task: Callable[[], Awaitable[None]]) -> None:
        while not self._stopping.is_set():
            try:
                await task()
            except Exception:  # logged and retried next round: the loop must outlive blips
                log.exception("worker task failed", task=task.__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=period_s)
