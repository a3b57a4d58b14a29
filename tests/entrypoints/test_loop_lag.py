"""The loop-lag monitor records how late its timer fired: about nothing on an idle loop,
and the time a blocking call held the loop when one did."""

import asyncio
import time

from prometheus_client import REGISTRY, CollectorRegistry, Histogram, generate_latest

from entrypoints.loop_lag import LoopLagMonitor


def histogram() -> tuple[Histogram, CollectorRegistry]:
    registry = CollectorRegistry()
    return Histogram("lag_seconds", "lag", buckets=(0.01, 0.04, 1), registry=registry), registry


def observed(registry: CollectorRegistry) -> dict[str, float]:
    samples = {s.name + s.labels.get("le", ""): s.value
               for metric in registry.collect() for s in metric.samples}
    return samples


async def test_a_blocked_loop_shows_as_lag() -> None:
    lag, registry = histogram()
    task = asyncio.create_task(LoopLagMonitor(interval_s=0.01, histogram=lag).run())
    await asyncio.sleep(0.05)
    quiet = observed(registry)
    time.sleep(0.1)  # a handler blocking the loop
    await asyncio.sleep(0.05)
    task.cancel()
    late = observed(registry)
    assert quiet["lag_seconds_count"] >= 2
    assert late["lag_seconds_bucket1.0"] - late["lag_seconds_bucket0.04"] >= 1
    assert late["lag_seconds_sum"] - quiet["lag_seconds_sum"] >= 0.08


async def test_the_metric_is_exported_under_its_name() -> None:
    assert b"tesigo_event_loop_lag_seconds_bucket" in generate_latest(REGISTRY)
