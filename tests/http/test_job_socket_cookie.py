"""The job WebSocket takes the web page's session cookie instead of `?token=`, but only from
the page's own origin: a browser sends cookies along to a socket any site opens."""

import pytest
from litestar.exceptions import WebSocketDisconnect
from tests.http.test_jobs_api import bearer, served, start_job  # noqa: F401  (the fixture)

from entrypoints.web.session import ACCESS

UNAUTHORIZED = 4401


def test_the_pages_own_origin_follows_the_job_with_its_cookie(served) -> None:  # noqa: F811
    client, _ = served
    access = bearer(client, _)
    _, started = start_job(client, access)
    job = started.json()
    client.cookies.set(ACCESS, access)
    with client.websocket_connect(f"/api/v1/jobs/{job['id']}/events",
                                  headers={"Origin": "http://testserver.local",
                                           "Host": "testserver.local"}) as socket:
        events = []
        try:
            while True:  # to the end: the socket closes after the job's terminal state
                events.append(socket.receive_json(timeout=20))
        except WebSocketDisconnect:
            pass
    assert events and {e["job_id"] for e in events} == {job["id"]}
    assert events[-1]["state"] == "succeeded"


@pytest.mark.parametrize("origin", ["https://evil.example", ""])
def test_another_origin_or_none_gets_no_ride_on_the_cookie(served, origin) -> None:  # noqa: F811
    client, fakes = served
    access = bearer(client, fakes)
    _, started = start_job(client, access)
    client.cookies.set(ACCESS, access)
    headers = {"Host": "testserver.local", **({"Origin": origin} if origin else {})}
    with pytest.raises(WebSocketDisconnect) as refused, client.websocket_connect(
            f"/api/v1/jobs/{started.json()['id']}/events", headers=headers) as socket:
        socket.receive_json(timeout=5)
    assert refused.value.code == UNAUTHORIZED
