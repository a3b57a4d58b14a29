"""Request metrics: Litestar's Prometheus middleware, keeping the labelled children it makes.

prometheus_client's `labels()` checks its values and looks the child up under a lock; the
library's middleware calls it four times per request (in progress up, in progress down,
the count, the duration), ≈ 6 % of a document read's CPU (docs/performance.md). The metrics,
their names, labels and buckets are the library's own; only the lookups are kept.
"""

from __future__ import annotations

import time
from typing import Any

from litestar.connection.request import Request
from litestar.middleware.base import DefineMiddleware
from litestar.plugins.prometheus import PrometheusConfig
from litestar.plugins.prometheus.middleware import PrometheusMiddleware
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from litestar.types import ASGIApp, Receive, Scope, Send

# Label values are a route's path template, its methods and the answer's status, so the
# children are few; the bound only guards against a surprise.
MOST_CHILDREN = 10_000


class RequestMetrics(PrometheusMiddleware):
    """The same four metrics as `PrometheusMiddleware`, each labelled child looked up once.
    Without extra labels, exemplars or excluded methods (refused: they are unused here)."""

    def __init__(self, app: ASGIApp, config: PrometheusConfig) -> None:
        if config.labels or config.exemplars or config.excluded_http_methods:
            raise ValueError("extra labels, exemplars and excluded methods are not supported")
        super().__init__(app, config)
        self._children: dict[tuple[str, tuple[Any, ...]], Any] = {}

    def _child(self, metric: Any, values: tuple[Any, ...]) -> Any:
        key = (metric._name, values)
        child = self._children.get(key)
        if child is None:
            child = metric.labels(*values)
            if len(self._children) < MOST_CHILDREN:
                self._children[key] = child
        return child

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        labels = self._get_default_labels(Request[Any, Any, Any](scope, receive))
        span: dict[str, float] = {"start_time": time.perf_counter(), "end_time": 0,
                                  "duration": 0, "status_code": 200}
        in_progress = self._child(self.requests_in_progress(labels), tuple(labels.values()))
        in_progress.inc()
        try:
            await self.app(scope, receive, self._get_wrapped_send(send, span))
        finally:
            in_progress.dec()
            labels["status_code"] = span["status_code"]
            values = tuple(labels.values())
            if span["status_code"] >= HTTP_500_INTERNAL_SERVER_ERROR:
                self._child(self.requests_error_count(labels), values).inc()
            self._child(self.request_count(labels), values).inc()
            self._child(self.request_time(labels), values).observe(span["duration"])


def request_metrics(config: PrometheusConfig) -> DefineMiddleware:
    return DefineMiddleware(RequestMetrics, config=config)
