"""RequestMetrics exports what Litestar's Prometheus middleware exports (the same metrics,
labels and counts), request for request."""

from typing import Any

from litestar import Litestar, get, post
from litestar.exceptions import HTTPException
from litestar.middleware.base import DefineMiddleware
from litestar.params import FromPath
from litestar.plugins.prometheus import PrometheusConfig, PrometheusMiddleware
from litestar.testing import AsyncTestClient
from prometheus_client import REGISTRY

from entrypoints.http.request_metrics import request_metrics


@get("/items/{item_id:int}")
async def item(item_id: FromPath[int]) -> dict[str, int]:
    return {"id": item_id}


@post("/items")
async def add() -> dict[str, str]:
    return {"ok": "yes"}


@get("/broken")
async def broken() -> None:
    raise HTTPException(status_code=503, detail="down")


@get("/crash")
async def crash() -> None:
    raise RuntimeError("boom")


def app_with(middleware: DefineMiddleware) -> Litestar:
    return Litestar([item, add, broken, crash], middleware=[middleware])


async def traffic(app: Litestar) -> None:
    async with AsyncTestClient(app=app) as client:
        for path in ("/items/1", "/items/2", "/items/3"):
            assert (await client.get(path)).status_code == 200
        assert (await client.post("/items")).status_code == 201
        assert (await client.get("/broken")).status_code == 503
        assert (await client.get("/crash")).status_code == 500
        assert (await client.get("/crash")).status_code == 500


def exported(prefix: str) -> set[tuple[str, tuple[tuple[str, str], ...], float]]:
    """Every sample of the prefix's metrics but the durations' sums and buckets."""
    samples = set()
    for family in REGISTRY.collect():
        if not family.name.startswith(prefix):
            continue
        for sample in family.samples:
            if sample.name.endswith(("_sum", "_bucket", "_created")):
                continue
            samples.add((sample.name.removeprefix(prefix), tuple(sorted(sample.labels.items())),
                         sample.value))
    return samples


async def test_it_exports_what_the_library_exports() -> None:
    library = PrometheusConfig(app_name="probe", prefix="probe_library", group_path=True)
    ours = PrometheusConfig(app_name="probe", prefix="probe_ours", group_path=True)

    await traffic(app_with(DefineMiddleware(PrometheusMiddleware, config=library)))
    await traffic(app_with(request_metrics(ours)))

    expected = exported("probe_library")
    assert exported("probe_ours") == expected
    counts: dict[Any, float] = {
        (dict(labels)["path"], dict(labels)["status_code"]): value
        for name, labels, value in expected if name == "_requests_total"}
    assert counts == {("/items/{item_id}", "200"): 3, ("/items", "201"): 1,
                      ("/broken", "503"): 1, ("/crash", "500"): 2}
