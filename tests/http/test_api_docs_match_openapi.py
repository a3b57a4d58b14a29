"""docs/api.md documents the API the code serves: its method and path rows are exactly the
operations of /schema/openapi.json, plus the few it lists as outside the document."""

import re
from pathlib import Path

API_DOC = Path(__file__).parents[2] / "docs" / "api.md"
ROW = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE|WS) \| (/\S*) \|", re.MULTILINE)
OUTSIDE_THE_SCHEMA = {("WS", "/api/v1/jobs/{job_id}/events"), ("GET", "/metrics"),
                      ("GET", "/schema/openapi.json"), ("GET", "/schema/swagger")}
METHODS = {"get", "put", "post", "patch", "delete"}


def documented() -> set[tuple[str, str]]:
    return {(method, path) for method, path in ROW.findall(API_DOC.read_text())}


async def test_every_operation_is_documented_and_nothing_else(client) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    served = {(method.upper(), path) for path, item in schema["paths"].items()
              for method in item if method in METHODS}

    rows = documented()
    assert served - rows == set(), "served but not in docs/api.md"
    assert rows - served - OUTSIDE_THE_SCHEMA == set(), "in docs/api.md but not served"
    assert rows >= OUTSIDE_THE_SCHEMA


async def test_the_endpoints_outside_the_schema_are_served(client) -> None:
    assert (await client.get("/schema/openapi.json")).status_code == 200
    assert (await client.get("/schema/swagger")).status_code == 200
    # /metrics answers only allowed peers (see test_metrics_access_api): here it exists
    # but refuses the test client, which has no address.
    assert (await client.get("/metrics")).status_code == 404
