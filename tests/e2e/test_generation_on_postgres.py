"""Generation through the real `tesigo serve` on PostgreSQL, with the real `openai` library
talking to a local OpenAI-compatible server: outline, every section, citations that all
resolve, a bibliography of exactly the cited works, and a quota that stops calls before they
reach the model server."""

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.integration.openai_server import OpenAiTestServer
from tests.smtp_server import SmtpTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SPEC = {"title": "Cable-stayed bridges", "topic": "Design of cable-stayed bridges",
        "kind": "coursework", "language": "en", "target_words": 6000, "citation_style": "ieee"}
INVENTED = 999


def section_text(request: dict[str, Any]) -> str:
    """Cites two listed sources, and one the model made up."""
    prompt = request["messages"][-1]["content"]
    listed = [int(n) for n in re.findall(r"^\[(\d+)\] ", prompt, re.M)]
    title = re.search(r"^SECTION_TITLE: (.+)$", prompt, re.M).group(1)  # type: ignore[union-attr]
    return (f"{title} builds on earlier work [{listed[0]}]. Stays carry the deck "
            f"[{listed[-1]}]. Some claim otherwise [{INVENTED}].")


@pytest.fixture
def stack(own_database: str, tmp_path) -> Iterator[dict[str, Any]]:
    smtp, model = SmtpTestServer(), OpenAiTestServer(text_responder=section_text)
    smtp.start()
    model.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test-key",
                     LLM_MODEL="test-model", SOURCES_PROVIDER="offline")
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    try:
        yield {"env": env, "smtp": smtp, "model": model, "cwd": tmp_path}
    finally:
        model.stop()
        smtp.stop()


def serve(stack: dict[str, Any], **settings: str) -> Served:
    served = Served({**stack["env"], **settings}, stack["cwd"])
    served.wait_until_healthy()
    return served


def test_outline_then_every_section_with_citations_that_resolve(stack) -> None:
    served = serve(stack)
    try:
        with httpx.Client(base_url=served.url, timeout=30) as client:
            auth = sign_in(client, stack["smtp"], "ada@example.com")
            document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
            url = f"/api/v1/documents/{document['id']}"
            outlined = client.post(f"{url}/outline", headers=auth)
            assert outlined.status_code == 200, outlined.text
            outline = outlined.json()["outline"]
            assert 5400 <= sum(item["target_words"] for item in outline) <= 6600
            sources = {s["n"]: s for s in outlined.json()["sources"]}
            for item in outline:
                written = client.post(f"{url}/sections/{item['index']}/generate", headers=auth)
                assert written.status_code == 200, written.text
            final = client.get(url, headers=auth).json()
    finally:
        served.stop()
    assert final["status"] == "ready"
    cited: set[int] = set()
    for section in final["sections"]:
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", section["text"])}
        assert markers <= set(sources)
        assert INVENTED not in markers
        assert set(section["citations"]) == markers
        cited |= markers
    bibliography = final["bibliography"]
    assert len(bibliography) == len(cited)
    for n in cited:
        [entry] = [e for e in bibliography if sources[n]["title"][:30].lower() in e.lower()]
        assert entry.startswith(f"[{n}]")  # IEEE: numbered like the markers in the text
    requests = stack["model"].requests
    assert {r.model for r in requests} == {"test-model"}
    assert requests[0].response_format["type"] == "json_schema"  # the outline
    structured = [r for r in requests if (r.response_format or {}).get("type") == "json_schema"]
    assert all(r.stream for r in requests if r not in structured)  # sections, continuations
    checks = [r for r in structured[1:]
              if r.response_format["json_schema"]["name"] == "claims"]
    assert len(checks) == len(structured) - 1  # after the outline: one check per section


def test_a_tiny_daily_limit_answers_429_before_the_model_is_asked(stack) -> None:
    served = serve(stack, DAILY_TOKEN_LIMIT="50")
    try:
        with httpx.Client(base_url=served.url, timeout=30) as client:
            auth = sign_in(client, stack["smtp"], "bob@example.com")
            document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
            refused = client.post(f"/api/v1/documents/{document['id']}/outline", headers=auth)
    finally:
        served.stop()
    assert refused.status_code == 429
    assert refused.json()["limit"] == "daily"
    assert "resets" in refused.json()["detail"]
    assert stack["model"].requests == []
