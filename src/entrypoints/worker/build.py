import os
import socket
import uuid

from dishka import AsyncContainer

from application.jobs.policy import JobPolicy
from entrypoints.config import Settings
from entrypoints.worker.jobs import JobRunner
from entrypoints.worker.metrics_server import MetricsServer
from entrypoints.worker.runner import Worker


def worker_name() -> str:
    """Unique per process: host, pid and a random suffix (pids repeat across restarts)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def build_worker(container: AsyncContainer, settings: Settings, *,
                 serve_metrics: bool = False) -> Worker:
    """`serve_metrics`: the worker runs in a process of its own (`tesigo worker`), so it
    serves its own /metrics when WORKER_METRICS_PORT is set; an embedded worker's metrics
    are the API's."""
    jobs = JobRunner(container, worker=worker_name(), concurrency=settings.worker_concurrency,
                     policy=JobPolicy(lease_s=settings.job_lease_s,
                                      backoff_base_s=settings.job_retry_s),
                     poll_s=settings.job_poll_s)
    metrics = (MetricsServer(container, host=settings.worker_metrics_host,
                             port=settings.worker_metrics_port)
               if serve_metrics and settings.worker_metrics_port is not None else None)
    return Worker(container, poll_s=settings.outbox_poll_s, jobs=jobs, metrics=metrics)
