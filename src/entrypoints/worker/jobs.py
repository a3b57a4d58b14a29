"""The job side of the worker: claims generation jobs under a lease, runs up to
WORKER_CONCURRENCY of them at once, keeps their leases alive, and decides what a failed
attempt means. On stop it claims nothing more, lets running jobs finish for a grace period,
then hands the rest back to the queue. A job that loses its database midway waits for it and
resumes in the same attempt."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta
from functools import partial

import structlog
from dishka import AsyncContainer
from prometheus_client import Counter

from application.jobs.attempts import AttemptEnd, EndAttempt, Outcome
from application.jobs.claim_jobs import ClaimJobs, KeepLease
from application.jobs.policy import JobPolicy
from application.jobs.run_job import RunJob
from domain.errors import DomainError, InvalidTransition, NotFound
from domain.ids import JobId
from domain.jobs import GenerationJob
from domain.ports.jobs import LeaseLost
from domain.ports.language_model import LanguageModelUnavailable
from domain.ports.transactions import StorageUnavailable
from domain.quota import QuotaExceeded

log = structlog.get_logger("tesigo.jobs")
ATTEMPTS = Counter("tesigo_job_attempts_total", "Job attempts by how they ended", ["outcome"])
PERMANENT = (QuotaExceeded, NotFound, InvalidTransition)


class JobRunner:
    def __init__(self, container: AsyncContainer, *, worker: str, concurrency: int,
                 policy: JobPolicy, poll_s: float = 1.0, grace_s: float = 10.0,
                 storage_retry_s: float = 1.0) -> None:
        self._container, self._worker, self._concurrency = container, worker, concurrency
        self._policy, self._poll_s, self._grace_s = policy, poll_s, grace_s
        self._storage_retry_s = storage_retry_s
        self._running: dict[JobId, asyncio.Task[None]] = {}
        self._stop_reason: dict[JobId, str] = {}
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def wake(self) -> None:
        """Look for work now (a job was just queued in this process)."""
        self._wake.set()

    async def run(self) -> None:
        await self._warm_up()
        while not self._stopping.is_set():
            free = self._concurrency - len(self._running)
            if free > 0:
                for job_id in await self._claim(free):
                    task = asyncio.create_task(self._work(job_id), name=f"job-{job_id}")
                    self._running[job_id] = task
                    task.add_done_callback(partial(self._finished, job_id))
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll_s)
        await self._drain()

    async def _warm_up(self) -> None:
        """Build a job's use case once before the first claim: what it shares across jobs
        (the model's client, the sources' HTTP client with its TLS set-up, their imports) is
        made on first use, which the first job would otherwise wait for. Nothing is run; a
        failure is logged and left for the first job to meet."""
        try:
            async with self._container() as scope:
                await scope.get(RunJob)
        except Exception:
            log.warning("building the job runner's parts ahead failed", exc_info=True)

    def _finished(self, job_id: JobId, _: asyncio.Task[None]) -> None:
        self._running.pop(job_id, None)
        self._stop_reason.pop(job_id, None)
        self._wake.set()

    async def _claim(self, limit: int) -> list[JobId]:
        try:
            async with self._container() as scope:
                claim = await scope.get(ClaimJobs)
                return await claim(self._worker, limit, self._policy.lease_s)
        except Exception:  # storage blip: log it and try again on the next round
            log.exception("claiming jobs failed")
            return []

    async def _drain(self) -> None:
        tasks = list(self._running.values())
        if not tasks:
            return
        _, pending = await asyncio.wait(tasks, timeout=self._grace_s)
        for job_id, task in list(self._running.items()):
            if task in pending:
                self._stop_reason[job_id] = "stopping"
                task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def _work(self, job_id: JobId) -> None:
        me = asyncio.current_task()
        assert me is not None
        # The job's own task, so its own context: the id goes on every line it (and its
        # heartbeat) logs, and on its error reports (entrypoints/error_events.py).
        structlog.contextvars.bind_contextvars(job_id=str(job_id))
        keeper = asyncio.create_task(self._keep_lease(job_id, me))
        try:
            ended = await self._run(job_id)
            ATTEMPTS.labels(ended.state.value if ended else "gone").inc()
        except asyncio.CancelledError:
            reason = self._stop_reason.get(job_id, "stopping")
            if reason != "lost":
                await self._end(job_id, Outcome.CANCELLED if reason == "cancel"
                                else Outcome.HAND_BACK)
        except LeaseLost:
            log.warning("job taken over by another worker", job_id=str(job_id))
        except Exception as error:  # every failure is recorded on the job, none is lost
            await self._end(job_id, *self._judge(job_id, error))
        finally:
            keeper.cancel()

    async def _run(self, job_id: JobId) -> GenerationJob | None:
        """RunJob, again every `storage_retry_s` while the database cannot be reached: the
        lease is still this worker's (its heartbeat keeps trying), a resumed job releases
        what the interrupted steps held and skips what they wrote, so an outage costs the
        job no attempt, and nothing waits for the lease to run out. Should the lease be lost
        meanwhile, RunJob says so when the database is back."""
        while True:
            try:
                async with self._container() as scope:
                    return await (await scope.get(RunJob))(job_id, self._worker)
            except StorageUnavailable:
                log.warning("database unreachable; the job resumes when it is back",
                            job_id=str(job_id))
                await asyncio.sleep(self._storage_retry_s)

    def _judge(self, job_id: JobId, error: Exception) -> tuple[Outcome, str, timedelta | None]:
        if isinstance(error, LanguageModelUnavailable) and error.retry_after_s:
            # When the model (or its open breaker) says: an attempt sooner would be spent
            # on a refusal.
            wait = timedelta(seconds=error.retry_after_s)
            if error.retry_after_s > self._policy.reschedule_after_s:
                return Outcome.HAND_BACK, error.message, wait
            return Outcome.RETRY, error.message, wait
        if isinstance(error, PERMANENT):
            return Outcome.FAIL, error.message, None
        if isinstance(error, DomainError):
            return Outcome.RETRY, error.message, None
        log.exception("job attempt failed unexpectedly", job_id=str(job_id), exc_info=error)
        return Outcome.RETRY, "An internal error interrupted the generation.", None

    async def _end(self, job_id: JobId, outcome: Outcome, error: str | None = None,
                   delay: timedelta | None = None) -> None:
        ATTEMPTS.labels(outcome.value).inc()
        try:
            async with self._container() as scope:
                await (await scope.get(EndAttempt))(AttemptEnd(
                    job_id=job_id, worker=self._worker, outcome=outcome, error=error,
                    delay=delay))
        except LeaseLost:
            log.warning("job taken over before its attempt was recorded", job_id=str(job_id))
        except Exception:  # the lease will run out and another worker takes the job over
            log.exception("recording a job attempt failed", job_id=str(job_id))

    async def _keep_lease(self, job_id: JobId, task: asyncio.Task[None]) -> None:
        period = max(0.5, self._policy.lease_s / 3)
        while True:
            await asyncio.sleep(period)
            try:
                async with self._container() as scope:
                    cancel = await (await scope.get(KeepLease))(job_id, self._worker,
                                                                self._policy.lease_s)
            except LeaseLost:
                self._stop_reason[job_id] = "lost"
                task.cancel()
                return
            except Exception:  # a missed heartbeat is fine; the lease has room for two
                log.exception("heartbeat failed", job_id=str(job_id))
                continue
            if cancel:
                self._stop_reason[job_id] = "cancel"
                task.cancel()
                return
