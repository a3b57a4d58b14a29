"""Figures of a load run: latency percentiles per request type from the users' request
log, the event loop's lag from two scrapes of `tesigo_event_loop_lag_seconds`, and the
markdown table with the SLO verdicts."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

LAG = "tesigo_event_loop_lag_seconds"
P95_MS, ERRORS_PCT, LAG_P99_MS = 200.0, 0.1, 10.0


@dataclass(frozen=True)
class Request:
    at: float  # unix seconds when it ended
    name: str
    ms: float
    ok: bool


def read_log(path: Path) -> list[Request]:
    requests = []
    for line in path.read_text().splitlines():
        at, name, ms, ok = line.split(",")  # request names carry no comma
        requests.append(Request(float(at), name, float(ms), ok == "1"))
    return requests


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (`q` in 0..100) of `values`."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def lag_buckets(metrics_text: str) -> dict[float, float]:
    """Cumulative counts of the loop-lag histogram by upper bound (inf included)."""
    buckets: dict[float, float] = {}
    for family in text_string_to_metric_families(metrics_text):
        if family.name == LAG:
            for sample in family.samples:
                if sample.name == f"{LAG}_bucket":
                    buckets[float(sample.labels["le"])] = sample.value
    return buckets


def lag_between(before: dict[float, float], after: dict[float, float]) -> dict[float, float]:
    return {bound: after[bound] - before.get(bound, 0.0) for bound in after}


def lag_quantile(buckets: dict[float, float], q: float) -> float:
    """The q-quantile in seconds of cumulative `buckets`, interpolated linearly inside its
    bucket as Prometheus' histogram_quantile does (the last finite bound if it falls in
    +Inf)."""
    bounds = sorted(buckets)
    total = buckets[math.inf]
    if total == 0:
        return 0.0
    rank, lower, below = q * total, 0.0, 0.0
    for bound in bounds:
        if buckets[bound] >= rank:
            if math.isinf(bound):
                return lower
            inside = buckets[bound] - below
            return lower + (bound - lower) * ((rank - below) / inside if inside else 1)
        lower, below = bound, buckets[bound]
    return lower


def share_within(buckets: dict[float, float], bound: float) -> float:
    total = buckets[math.inf]
    return buckets[bound] / total if total else 1.0


def table(requests: list[Request], lag: dict[float, float], title: str) -> list[str]:
    by_name: dict[str, list[Request]] = defaultdict(list)
    for request in requests:
        by_name[request.name].append(request)
    rows = [f"**{title}**", "",
            "| request | requests | failures | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|"]
    for name, group in [*sorted(by_name.items()), ("**all**", requests)]:
        ms = [r.ms for r in group]
        failed = sum(not r.ok for r in group)
        rows.append(f"| {name} | {len(group):,} | {100 * failed / len(group):.2f} % | "
                    f"{percentile(ms, 50):.0f} | {percentile(ms, 95):.0f} | "
                    f"{percentile(ms, 99):.0f} |")
    p95 = percentile([r.ms for r in requests], 95)
    errors = 100 * sum(not r.ok for r in requests) / len(requests)
    lag_p99 = 1000 * lag_quantile(lag, 0.99)
    within = 100 * share_within(lag, 0.01)
    verdict = {True: "pass", False: "**FAIL**"}
    rows += ["", f"- p95 {p95:.0f} ms (SLO < {P95_MS:.0f} ms): {verdict[p95 < P95_MS]}",
             f"- errors {errors:.3f} % (SLO < {ERRORS_PCT} %): {verdict[errors < ERRORS_PCT]}",
             f"- event-loop lag p99 {lag_p99:.1f} ms over {lag[math.inf]:,.0f} samples, "
             f"{within:.2f} % within 10 ms (SLO p99 < {LAG_P99_MS:.0f} ms): "
             f"{verdict[within >= 99.0]}"]
    return rows
