import os
import socket
import uuid

from dishka import AsyncContainer

from application.jobs.policy import JobPolicy
from entrypoints.config import Settings
from entrypoints.worker.jobs import JobRunner
from entrypoints.worker.runner import Worker


def worker_name() -> str:
    """Unique per process: host, pid and a random suffix (pids repeat across restarts)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def build_worker(container: AsyncContainer, settings: Settings) -> Worker:
    jobs = JobRunner(container, worker=worker_name(), concurrency=settings.worker_concurrency,
                     policy=JobPolicy(lease_s=settings.job_lease_s),
                     poll_s=settings.job_poll_s)
    return Worker(container, poll_s=settings.outbox_poll_s, jobs=jobs)
