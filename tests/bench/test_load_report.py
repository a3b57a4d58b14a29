"""The load test's figures: the loop-lag quantile read from two scrapes of a real
prometheus_client histogram, and percentiles of the request log."""

import math

from bench.load.report import (
    LAG,
    lag_between,
    lag_buckets,
    lag_quantile,
    percentile,
    share_within,
)
from prometheus_client import CollectorRegistry, Histogram, generate_latest

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)  # the service's


def a_lag_histogram() -> tuple[Histogram, CollectorRegistry]:
    registry = CollectorRegistry()
    return Histogram(LAG, "lag", registry=registry, buckets=BUCKETS), registry


def scrape(registry: CollectorRegistry) -> dict[float, float]:
    return lag_buckets(generate_latest(registry).decode())


def test_the_quantile_counts_only_what_happened_between_the_scrapes():
    histogram, registry = a_lag_histogram()
    for _ in range(1000):
        histogram.observe(0.3)  # before the run: must not count
    before = scrape(registry)
    for _ in range(990):
        histogram.observe(0.0005)
    for _ in range(10):
        histogram.observe(0.02)
    during = lag_between(before, scrape(registry))
    assert during[math.inf] == 1000
    assert share_within(during, 0.01) == 0.99
    assert lag_quantile(during, 0.99) <= 0.001  # the 990th sample is in the first bucket
    assert 0.01 < lag_quantile(during, 0.995) <= 0.025


def test_the_quantile_is_interpolated_inside_its_bucket_and_capped_at_the_last_bound():
    buckets = {0.001: 0.0, 0.01: 100.0, 2.5: 100.0, math.inf: 100.0}
    assert math.isclose(lag_quantile(buckets, 0.5), 0.0055)
    assert lag_quantile({0.001: 0.0, 2.5: 0.0, math.inf: 10.0}, 0.99) == 2.5
    assert lag_quantile({0.001: 0.0, math.inf: 0.0}, 0.99) == 0.0


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (
        50.0, 95.0, 99.0)
    assert percentile([7.0], 99) == 7.0
