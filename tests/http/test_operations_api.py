from tests.memory_container import settings_for


async def test_health_ready_metrics_and_schema(client, fakes) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
    assert (await client.get("/ready")).status_code == 200
    fakes.probe.up = False
    assert (await client.get("/ready")).status_code == 503
    # /metrics answers only allowed peers (the test client has none): test_metrics_access_api
    schema = (await client.get("/schema/openapi.json")).json()
    assert "/api/v1/documents" in schema["paths"]
    assert "/api/v1/auth/magic-link" in schema["paths"]


async def test_security_headers_and_request_id(client) -> None:
    response = await client.get("/health", headers={"X-Request-ID": "abc-12345678"})
    assert response.headers["x-request-id"] == "abc-12345678"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    generated = await client.get("/health", headers={"X-Request-ID": "bad id\n"})
    assert generated.headers["x-request-id"] != "bad id\n"


async def test_unknown_path_is_a_problem_document(client) -> None:
    response = await client.get("/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 404


async def test_an_unexpected_failure_is_a_500_problem_without_internals(
        client, api, monkeypatch) -> None:
    from adapters.memory.documents import InMemoryDocumentRepository

    async def explode(*_args, **_kwargs):
        raise RuntimeError("secret internals at /srv/tesigo")

    bearer = await api.headers()
    monkeypatch.setattr(InMemoryDocumentRepository, "list", explode)
    response = await client.get("/api/v1/documents", headers=bearer)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "secret internals" not in response.text and "Traceback" not in response.text


async def test_ready_is_503_when_storage_does_not_answer(client, fakes) -> None:
    async def explode():
        raise RuntimeError("connection refused")

    fakes.probe.ping = explode
    response = await client.get("/ready")
    assert response.status_code == 503
    assert "connection refused" not in response.text


async def test_disallowed_host_and_cors(fakes) -> None:
    from litestar.testing import AsyncTestClient
    from tests.memory_container import memory_container

    from entrypoints.http.app import create_app

    settings = settings_for(allowed_hosts=["api.tesigo.test"],
                             cors_origins=["https://app.tesigo.test"])
    container = memory_container(fakes, settings)
    app = create_app(container, settings)
    async with AsyncTestClient(app=app, base_url="http://evil.example") as client:
        assert (await client.get("/api/v1/auth/me")).status_code == 400
    async with AsyncTestClient(app=app, base_url="http://api.tesigo.test") as client:
        preflight = await client.options("/api/v1/documents", headers={
            "Origin": "https://app.tesigo.test", "Access-Control-Request-Method": "POST"})
        assert preflight.headers["access-control-allow-origin"] == "https://app.tesigo.test"
        other = await client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    await container.close()
