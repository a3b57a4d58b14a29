"""`tesigo worker` serves its own /metrics (WORKER_METRICS_PORT), guarded like the API's."""

import asyncio

import httpx
from tests.memory_container import Fakes, memory_container, settings_for

from entrypoints.worker.build import build_worker

TOKEN = "worker-metrics-token-0123456789abcdef"


async def test_the_worker_serves_its_metrics_to_the_token_holder_only() -> None:
    settings = settings_for(metrics_token=TOKEN, metrics_allowed=[], worker_metrics_port=0,
                            worker_metrics_host="127.0.0.1")
    container = memory_container(Fakes(), settings)
    worker = build_worker(container, settings, serve_metrics=True)
    task = asyncio.create_task(worker.run())
    try:
        metrics = worker._metrics
        assert metrics is not None
        async with asyncio.timeout(10):
            while not metrics.started:
                await asyncio.sleep(0.02)
        url = f"http://127.0.0.1:{metrics.port}/metrics"
        async with httpx.AsyncClient() as client:
            refused = await client.get(url)
            granted = await client.get(url, headers={"Authorization": f"Bearer {TOKEN}"})
    finally:
        worker.stop()
        await asyncio.wait_for(task, 10)
        await container.close()

    assert refused.status_code == 404
    assert granted.status_code == 200
    assert "tesigo_job_attempts_total" in granted.text
    assert "tesigo_email_outbox_pending" in granted.text


def test_an_embedded_worker_serves_no_metrics_of_its_own() -> None:
    settings = settings_for(worker_metrics_port=9100)
    worker = build_worker(memory_container(Fakes(), settings), settings)
    assert worker._metrics is None
